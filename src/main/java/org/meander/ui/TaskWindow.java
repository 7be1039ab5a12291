package org.meander.ui;

import javafx.beans.binding.StringExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own for a task that runs in the background (new project, auto-label, export): over the main
 * window, one at a time, Esc closes it unless the task is running. Also the parts such windows share: the line that
 * says what is wrong before the task can start, and the report.
 */
final class TaskWindow {

    private final Stage stage = new Stage();

    TaskWindow(String title, Parent root, double width, double height, ObservableBooleanValue running) {
        Scene scene = new Scene(root, width, height);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !running.get()) {
                stage.close();
                e.consume();
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
    }

    void show(Window owner) {
        if (stage.getOwner() == null && owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    /** What the window does, wrapped and always whole: the report below gives up the room, never these lines. */
    static Label intro(String text) {
        Label intro = new Label(text);
        intro.getStyleClass().add("intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        return intro;
    }

    /** What stops the task from starting, in red; empty when nothing does. */
    static Label problem(String id, ObservableValue<String> text) {
        Label problem = new Label();
        problem.setId(id);
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(text);
        return problem;
    }

    /**
     * The row that starts the task: its buttons, the first of which starts it (disabled while something stops it or
     * while it runs), and a bar of its progress while it runs, filling as the task measures it or, for a task that
     * cannot ({@code measured} false), moving to and fro.
     */
    static HBox startRow(StringExpression problem, TaskState task, boolean measured, Button start, Button... more) {
        start.setDefaultButton(true);
        start.disableProperty().bind(problem.isNotEmpty().or(task.runningProperty()));
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        if (measured) {
            bar.progressProperty().bind(task.progressProperty());
        }
        bar.visibleProperty().bind(task.runningProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(12, start);
        row.getChildren().addAll(more);
        row.getChildren().add(bar);
        return row;
    }

    /** The task's progress and report, to be read and copied; it takes the room left. */
    static TextArea report(String id, ObservableValue<String> text) {
        TextArea report = new TextArea();
        report.setId(id);
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(6);
        report.textProperty().bind(text);
        VBox.setVgrow(report, Priority.ALWAYS);
        return report;
    }
}

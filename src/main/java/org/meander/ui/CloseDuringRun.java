package org.meander.ui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.meander.ui.train.TrainViewModel;

/**
 * Closing the window while a run trains: asks first, then stops the run and closes once it has saved its
 * checkpoint, so the run can resume exactly where it stopped.
 */
final class CloseDuringRun {

    static final ButtonType STOP_AND_CLOSE = new ButtonType("Stop and close", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType KEEP_TRAINING = new ButtonType("Keep training", ButtonBar.ButtonData.CANCEL_CLOSE);

    private CloseDuringRun() {
    }

    /** train: the Train tab of the project open when the window closes. */
    static void install(Stage stage, Supplier<TrainViewModel> train) {
        stage.setOnCloseRequest(e -> {
            TrainViewModel running = train.get();
            if (!running.trainingProperty().get()) {
                return;
            }
            e.consume();
            if (running.stoppingProperty().get()) {
                return; // already asked: the window closes when the run has stopped
            }
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Stop it and close Meander? The run saves its last"
                    + " checkpoint first; Resume in the Train tab continues it from there.", STOP_AND_CLOSE,
                    KEEP_TRAINING);
            ask.initOwner(stage);
            ask.setTitle("Meander — close during a run");
            ask.setHeaderText("Run " + running.trainingRunProperty().get() + " is training");
            if (ask.showAndWait().filter(STOP_AND_CLOSE::equals).isPresent()) {
                running.stopAndWait().thenRun(() -> Platform.runLater(stage::close));
            }
        });
    }
}

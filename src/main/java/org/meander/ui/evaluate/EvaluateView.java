package org.meander.ui.evaluate;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.meander.project.Split;
import org.meander.train.Baseline;
import org.meander.train.CheckpointKind;
import org.meander.train.EvaluationRow;
import org.meander.ui.layout.ColumnFit;
import org.meander.ui.layout.WholeInTooltipCell;

/**
 * The Evaluate tab: which run, split and checkpoint; the metrics table and the tiles by disagreement on the left,
 * the selected tile side by side on the right; putting the run to work. Binds to an {@link EvaluateViewModel} and
 * forwards; decides nothing.
 */
public final class EvaluateView {

    private final EvaluateViewModel model;
    private final VBox root;

    public EvaluateView(EvaluateViewModel model) {
        this.model = model;
        TableView<MetricRow> metrics = metricsTable();
        TableView<EvaluationRow> tiles = tilesTable();
        Label order = new Label("Tiles, largest disagreement with the label first");
        order.setTooltip(new Tooltip("Sorted by 1 - IoU of the tuned model's mask: a tile a well-tuned model still"
                + " disagrees with is the likeliest to carry a wrong label"));
        order.setWrapText(true);
        order.setMinHeight(Region.USE_PREF_SIZE);
        VBox tables = new VBox(8, metrics, order, tiles);
        VBox.setVgrow(tiles, Priority.ALWAYS);
        tables.setPadding(new Insets(0, 0, 0, 10));
        // every column in sight: the picture beside the tables gives way first
        tables.setMinWidth(Math.max(ColumnFit.minWidth(metrics), ColumnFit.minWidth(tiles)) + 10);
        SplitPane content = new SplitPane(tables, new ComparisonView(model).root());
        content.setDividerPositions(0.4);
        Label message = new Label();
        message.setId("eval-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // every line of it: the tables give way
        message.textProperty().bind(model.messageProperty());
        root = new VBox(8, choices(), actions(), message, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setPadding(new Insets(10, 10, 0, 10));
    }

    public Node root() {
        return root;
    }

    private Node choices() {
        ComboBox<String> run = new ComboBox<>(model.runs());
        run.setId("eval-run");
        run.valueProperty().bindBidirectional(model.runProperty());
        ComboBox<Split> split = new ComboBox<>();
        split.setId("eval-split");
        split.getItems().setAll(Split.values());
        split.setConverter(named(Split::key));
        split.valueProperty().bindBidirectional(model.splitProperty());
        ComboBox<CheckpointKind> checkpoint = new ComboBox<>();
        checkpoint.setId("eval-checkpoint");
        checkpoint.getItems().setAll(CheckpointKind.values());
        checkpoint.setConverter(named(kind -> kind.name().toLowerCase(Locale.ROOT)));
        checkpoint.valueProperty().bindBidirectional(model.checkpointProperty());
        CheckBox acceptedOnly = new CheckBox("accepted labels only");
        acceptedOnly.setId("eval-accepted-only");
        acceptedOnly.setTooltip(new Tooltip("Score against the labels a person checked and accepted, as the seed"
                + " tutorial scored on hand-corrected tiles: an imported label that is off scores a right answer as"
                + " wrong"));
        acceptedOnly.selectedProperty().bindBidirectional(model.acceptedOnlyProperty());
        ComboBox<Baseline> against = new ComboBox<>();
        against.setId("eval-against");
        against.getItems().setAll(Baseline.values());
        against.setConverter(named(baseline -> baseline == Baseline.MODEL ? "the model's own decoder"
                : "the decoder it started from"));
        against.valueProperty().bindBidirectional(model.againstProperty());
        against.disableProperty().bind(model.startedFromProperty().isEmpty());
        against.setTooltip(new Tooltip("What the run's decoder is set against: the model's own, or, for a run"
                + " trained on from an earlier run's checkpoint, that checkpoint: what the latest round of training"
                + " gained"));
        Button evaluate = new Button("Evaluate");
        evaluate.setId("evaluate");
        evaluate.setTooltip(new Tooltip("The base model and the run's decoder on the split, with the same prompts"));
        evaluate.disableProperty().bind(model.canEvaluateBinding().not());
        evaluate.setOnAction(e -> model.evaluate());
        ProgressBar progress = new ProgressBar();
        progress.setId("eval-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        // two lines, read as one sentence: this run's checkpoint against that decoder, on this split
        HBox which = new HBox(8, new Label("Run"), run, new Label("Checkpoint"), checkpoint, new Label("against"),
                against);
        HBox where = new HBox(8, new Label("Split"), split, acceptedOnly, evaluate, progress);
        for (HBox line : List.of(which, where)) {
            line.setAlignment(Pos.CENTER_LEFT);
            line.getChildren().forEach(node -> {
                if (node instanceof Region region) {
                    region.setMinWidth(Region.USE_PREF_SIZE); // never cut to an ellipsis
                }
            });
        }
        return new VBox(6, which, where);
    }

    private Node actions() {
        Button use = new Button("Use for annotation");
        use.setId("use-for-annotation");
        use.setTooltip(new Tooltip("Annotate predicts with this run's decoder (same encoder: embeddings stay valid)"));
        use.setOnAction(e -> model.useForAnnotation());
        Button back = new Button("Use the model's own decoder");
        back.setOnAction(e -> model.useBaseForAnnotation());
        if (model.hasAnnotationModel()) {
            use.disableProperty().bind(model.runProperty().isNull());
        } else {
            use.setDisable(true);
            back.setDisable(true);
        }
        Button export = new Button("Export…");
        export.setId("export-model");
        export.setTooltip(new Tooltip("Write the tuned model as config.json + model.safetensors (Hugging Face)"));
        export.disableProperty().bind(model.runProperty().isNull().or(model.busyProperty()));
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export the tuned model: choose an empty folder");
            File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder == null) {
                return;
            }
            Optional<String> problem = model.exportProblem(folder.toPath());
            if (problem.isPresent()) {
                refuse(problem.get());
                return;
            }
            boolean replace = model.holdsModel(folder.toPath());
            if (!replace || confirmReplacing(folder.toPath())) {
                model.export(folder.toPath(), replace);
            }
        });
        Label using = new Label();
        using.textProperty().bind(Bindings.concat("Annotate uses: ", model.annotationDecoderProperty()));
        // a narrow window puts what Annotate uses under the buttons
        FlowPane box = new FlowPane(8, 6, use, back, export, using);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void refuse(String problem) {
        Alert refusal = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
        refusal.setTitle("Meander — export the tuned model");
        refusal.setHeaderText("The tuned model cannot be exported there");
        refusal.initOwner(root.getScene().getWindow());
        refusal.showAndWait();
    }

    /** An earlier export is the user's work: replace it only when they say so. */
    private boolean confirmReplacing(Path folder) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, folder + " holds a model already (config.json,"
                + " model.safetensors). Replace it with this run's tuned model?", replace, ButtonType.CANCEL);
        ask.setTitle("Meander — export the tuned model");
        ask.setHeaderText("Replace the model in " + folder.getFileName() + "?");
        ask.initOwner(root.getScene().getWindow());
        return ask.showAndWait().filter(replace::equals).isPresent();
    }

    private TableView<MetricRow> metricsTable() {
        TableView<MetricRow> table = new TableView<>(model.metrics());
        table.setId("metrics");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ColumnFit.shareOrScroll(table);
        table.setPlaceholder(new Label("Choose a run and a split, then Evaluate"));
        TableColumn<MetricRow, String> mean = new TableColumn<>("Mean");
        mean.getColumns().add(baseline(number(column("base", r -> format(r.baseMean())))));
        mean.getColumns().add(number(column("tuned", r -> format(r.tunedMean()))));
        TableColumn<MetricRow, String> median = new TableColumn<>("Median");
        median.getColumns().add(baseline(number(column("base", r -> format(r.baseMedian())))));
        median.getColumns().add(number(column("tuned", r -> format(r.tunedMedian()))));
        TableColumn<MetricRow, String> metric = column("Metric", MetricRow::metric);
        ColumnFit.atLeast(metric, "precision");
        table.getColumns().add(metric);
        table.getColumns().add(mean);
        table.getColumns().add(median);
        // five rows under a two-line header, no scrolling
        table.setFixedCellSize(24);
        table.setPrefHeight(24 * 7 + 14);
        table.setMinHeight(24 * 7 + 14);
        return table;
    }

    private TableView<EvaluationRow> tilesTable() {
        TableView<EvaluationRow> table = new TableView<>(model.tiles());
        table.setId("eval-tiles");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ColumnFit.shareOrScroll(table);
        table.setPlaceholder(new Label(""));
        TableColumn<EvaluationRow, String> tile = column("Tile", EvaluationRow::tile);
        ColumnFit.atLeast(tile, "airborne_10"); // a longer name is whole in its tooltip
        tile.setCellFactory(c -> new WholeInTooltipCell<>());
        // one title over the three, as the metrics table's: "Tuned IoU" and "Base IoU" side by side were cut short
        TableColumn<EvaluationRow, String> iou = new TableColumn<>("IoU");
        iou.getColumns().add(number(column("tuned", r -> format(r.tuned().iou()))));
        iou.getColumns().add(baseline(number(column("base", r -> format(r.base().iou())))));
        iou.getColumns().add(number(column("change", r -> String.format(Locale.ROOT, "%+.4f",
                r.tuned().iou() - r.base().iou()))));
        table.getColumns().add(tile);
        table.getColumns().add(iou);
        table.getSelectionModel().selectedItemProperty()
                .addListener((o, old, row) -> model.selectedTileProperty().set(row));
        table.setRowFactory(t -> {
            TableRow<EvaluationRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openInAnnotate(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            EvaluationRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                model.openInAnnotate(selected);
                e.consume();
            }
        });
        return table;
    }

    /** A baseline's column, headed "base" or "start" as the evaluation shown. */
    private <R> TableColumn<R, String> baseline(TableColumn<R, String> column) {
        column.textProperty().bind(model.baselineWordBinding());
        return column;
    }

    /** "Base" for "base": a column's or picture's title. */
    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A column of values such as "0.1540" or "-0.3167", never too narrow to show one whole. */
    private static <R> TableColumn<R, String> number(TableColumn<R, String> column) {
        ColumnFit.atLeast(column, "-0.0000");
        return column;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false); // the order is the evaluation's: disagreement first
        return column;
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}

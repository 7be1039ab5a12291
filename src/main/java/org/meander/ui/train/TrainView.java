package org.meander.ui.train;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.meander.train.EpochRecord;
import org.meander.train.LossFunction;
import org.meander.train.OutputHandling;
import org.meander.train.PointFeeding;
import org.meander.train.PromptType;
import org.meander.train.Schedule;
import org.meander.train.RunDecoder;
import org.meander.train.TrainingConfig;
import org.meander.ui.layout.ColumnFit;
import org.meander.ui.layout.WholeInTooltipCell;

/**
 * The Train tab: the form of a new run on the left; the run's progress and charts, and the project's past runs, on
 * the right. Binds to a {@link TrainViewModel} and forwards the buttons; decides nothing.
 */
public final class TrainView {

    private final TrainViewModel model;
    private final SplitPane root;

    public TrainView(TrainViewModel model) {
        this.model = model;
        // a small window scrolls the progress rather than cutting its buttons and charts off at the pane's edge
        ScrollPane progress = new ScrollPane(progress());
        progress.setFitToWidth(true);
        progress.setFitToHeight(true);
        SplitPane right = new SplitPane(progress, pastRuns());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.58); // the runs table a few rows in a 700-pixel window
        right.setMinWidth(300); // the charts and the runs table shrink before the settings do
        root = new SplitPane(form(), right);
        root.setDividerPositions(0.56); // the form's settings whole at the default window width
        root.getStylesheets().add(TrainView.class.getResource("train.css").toExternalForm());
    }

    public Node root() {
        return root;
    }

    private Node form() {
        TrainingForm form = model.form();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        // settings keep their whole words: a narrow pane scrolls them rather than cutting "Erode regions" short
        grid.setMinWidth(Region.USE_PREF_SIZE);
        Rows rows = new Rows(grid);
        rows.heading("Prompts");
        rows.add(tip(SettingWords.of("promptType"), "What is drawn from each label: control points, its box"
                        + " (jittered), or both"),
                choice("promptType", form.promptTypeProperty(), PromptType.values()),
                tip(SettingWords.of("pointFeeding"), "One per prompt: each point decoded on its own (the seed's way);"
                        + " together: all points in one prompt"),
                choice("pointFeeding", form.pointFeedingProperty(), PointFeeding.values()));
        rows.add(tip(form.positivePoints().label(), "Control points inside the label, per image"),
                field(form.positivePoints(), form.usesPointsBinding()),
                tip(form.negativePoints().label(), "Control points outside the label, per image"),
                field(form.negativePoints(), form.usesPointsBinding()));
        rows.add(tip(form.boxPerturbation().label(), "Pixels by which each side of the label's box is moved at random"),
                field(form.boxPerturbation(), form.usesBoxBinding()),
                new Label(), check("erodeRegions", SettingWords.of("erodeRegions"), form.erodeRegionsProperty()));
        rows.heading("Output and loss");
        rows.add(tip(SettingWords.of("outputHandling"), "Single: SAM's one mask; best: the candidate with the"
                        + " highest predicted IoU; mean: the candidates' mean"),
                choice("outputHandling", form.outputHandlingProperty(), OutputHandling.values()),
                tip(SettingWords.of("loss"), "Dice + cross-entropy (the seed's), focal, or focal + dice"),
                choice("loss", form.lossProperty(), LossFunction.values()));
        rows.wide(check("iouLoss", "Teach the IoU head (an IoU loss term)", form.iouLossProperty()));
        rows.heading("Optimizer (AdamW)");
        rows.add(new Label(form.learningRate().label()), field(form.learningRate(), null),
                new Label(form.weightDecay().label()), field(form.weightDecay(), null));
        rows.add(new Label(form.beta1().label()), field(form.beta1(), null),
                new Label(form.beta2().label()), field(form.beta2(), null));
        rows.add(tip(form.warmupSteps().label(), "Steps over which the learning rate rises linearly from 0"),
                field(form.warmupSteps(), null),
                tip(SettingWords.of("schedule"), "After the warm-up: constant, or half a cosine down to 0"),
                choice("schedule", form.scheduleProperty(), Schedule.values()));
        rows.heading("Run");
        rows.add(tip(form.batchSize().label(), "Tiles per step"), field(form.batchSize(), null),
                new Label(form.epochs().label()), field(form.epochs(), null));
        rows.add(tip(form.seed().label(), "Seeds the tiles' order and the prompts: the same seed, the same run"),
                field(form.seed(), null),
                tip(form.patience().label(), "Epochs without a lower validation loss before stopping early; 0 never"
                        + " stops"),
                field(form.patience(), null));
        Label device = new Label();
        device.textProperty().bind(Bindings.concat("Device: ", model.deviceProperty()));
        rows.wide(device);

        TextField name = new TextField();
        name.setId("run-name");
        name.textProperty().bindBidirectional(model.runNameProperty());
        Label nameProblem = problemLabel(model.runNameProblemProperty());
        invalidWhen(name, model.runNameProblemProperty());

        VBox checks = new VBox(4);
        checks.setId("preflight");
        model.blockers().addListener((ListChangeListener<String>) c -> showChecks(checks));
        model.notes().addListener((ListChangeListener<String>) c -> showChecks(checks));
        showChecks(checks);

        Button start = new Button("Start");
        start.setId("start");
        start.disableProperty().bind(model.canStartBinding().not());
        start.setOnAction(e -> model.start());
        Button defaults = new Button("Seed defaults");
        defaults.setOnAction(e -> form.load(TrainingConfig.defaults()));

        Label problems = new Label();
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", form.problems()),
                form.problems()));
        VBox settings = new VBox(8, heading("New run"), grid, problems);
        settings.setPadding(new Insets(10));
        ScrollPane scrolled = new ScrollPane(settings);
        scrolled.setFitToWidth(true);
        // the name, the check and Start stay in view however far the settings scroll
        ComboBox<RunDecoder> from = new ComboBox<>(model.starts().choices());
        from.setId("start-from");
        from.valueProperty().bindBidirectional(model.starts().chosenProperty());
        from.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunDecoder start) {
                return start == null ? "the model's own decoder" : start.describe();
            }

            @Override
            public RunDecoder fromString(String text) {
                return null; // not editable
            }
        });
        from.setTooltip(new Tooltip("A run trains the model's own decoder, or goes on from an earlier run's best"
                + " checkpoint (lowest validation loss) or last: to train again once more labels are corrected"));
        HBox nameAndStart = new HBox(8, name, new Label("from"), from);
        nameAndStart.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox launch = new VBox(6, new Label("Run name"), nameAndStart, nameProblem, heading("Before it starts"),
                checks, new HBox(8, start, defaults));
        launch.setPadding(new Insets(10));
        BorderPane box = new BorderPane(scrolled);
        box.setBottom(launch);
        box.setMinWidth(360);
        return box;
    }

    private Node progress() {
        Label phase = new Label();
        phase.setId("phase");
        phase.textProperty().bind(model.phaseProperty());
        Label running = new Label();
        running.setId("running-run");
        // the form shows the device of the next run; here, the one this run trains on
        running.textProperty().bind(Bindings.when(model.trainingProperty())
                .then(Bindings.concat("Run ", model.trainingRunProperty(), " on ", model.deviceProperty()))
                .otherwise(""));
        ProgressBar run = new ProgressBar();
        run.setId("run-progress");
        run.progressProperty().bind(model.runProgressProperty());
        run.setPrefWidth(260);
        ProgressBar epoch = new ProgressBar();
        epoch.setId("epoch-progress");
        epoch.progressProperty().bind(model.epochProgressProperty());
        epoch.setPrefWidth(260);
        Label rate = new Label();
        rate.textProperty().bind(model.throughputProperty());
        Label left = new Label();
        left.setId("time-left");
        left.textProperty().bind(model.timeLeftProperty());
        Label best = new Label();
        best.setId("best-epoch");
        best.textProperty().bind(Bindings.createStringBinding(() -> model.charts().bestEpochProperty().get() == 0
                ? "" : "Best epoch: " + model.charts().bestEpochProperty().get(), model.charts().bestEpochProperty()));
        Label message = new Label();
        message.setId("train-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // every line of it: the charts give way
        message.textProperty().bind(model.messageProperty());

        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setTooltip(new Tooltip("Stop after the current batch; the run keeps its last checkpoint"));
        stop.disableProperty().bind(model.trainingProperty().not().or(model.stoppingProperty()));
        stop.setOnAction(e -> model.stop());
        // Start or Resume greys out as a run begins: the focus goes to Stop, not on to Seed defaults, which Space
        // would press
        model.trainingProperty().addListener((o, was, training) -> {
            if (training) {
                stop.requestFocus();
            }
        });
        Button resume = new Button("Resume");
        resume.setId("resume");
        resume.setTooltip(new Tooltip("Continue the selected run from its last checkpoint"));
        resume.disableProperty().bind(model.canResumeBinding().not());
        resume.setOnAction(e -> model.resume());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        resume.setMinWidth(Region.USE_PREF_SIZE);

        GridPane bars = new GridPane();
        bars.setHgap(8);
        bars.setVgap(4);
        bars.addRow(0, new Label("Run"), run, rate);
        bars.addRow(1, new Label("Epoch"), epoch, left);
        // the bars give way, not the words beside them
        bars.getChildren().forEach(n -> {
            if (n instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        run.setMinWidth(80);
        epoch.setMinWidth(80);
        IntegerBinding planned = Bindings.createIntegerBinding(() -> Optional.ofNullable(model.form().epochs()
                .value()).map(Number::intValue).orElse(0), model.form().epochs().textProperty());
        HBox charts = new HBox(8, withPlaceholder(chart("loss-chart", "loss", model.charts().lossSeries(), planned),
                model.charts().lossSeries()), withPlaceholder(chart("iou-chart", "IoU", model.charts().iouSeries(),
                planned), model.charts().iouSeries()));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        VBox box = new VBox(6, new HBox(12, running, phase), bars, best,
                new HBox(8, stop, resume), message, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private Node pastRuns() {
        TableView<PastRun> table = new TableView<>(model.pastRuns());
        table.setId("past-runs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ColumnFit.shareOrScroll(table);
        table.setPlaceholder(new Label("No runs yet in this project"));
        table.getColumns().add(fitted(column("Run", PastRun::name), "run-10"));
        // a status can be a sentence ("stopped: interrupted: …"): whole in its tooltip
        TableColumn<PastRun, String> status = fitted(column("Status", model::statusOf), "finished");
        status.setCellFactory(c -> new WholeInTooltipCell<>());
        table.getColumns().add(status);
        table.getColumns().add(fitted(column("Epochs", PastRun::epochsText), "100/100"));
        // short titles leave the values their room; pointed at, a title says more
        table.getColumns().add(explained(fitted(column("Best", r -> r.best().map(b -> Integer.toString(b.epoch()))
                .orElse("")), "100"), "The epoch with the lowest validation loss, whose checkpoint is the run's best"));
        table.getColumns().add(explained(fitted(column("Loss", r -> r.best().map(b -> format(b.validationLoss()))
                .orElse("")), "0.0000"), "Validation loss at the best epoch"));
        table.getColumns().add(explained(fitted(column("IoU", r -> r.best().map(EpochRecord::validation)
                .map(v -> format(v.iou().mean())).orElse("")), "0.0000"), "Mean validation IoU at the best epoch"));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, run) -> {
            if (run != null) {
                model.selectedRunProperty().set(run);
            }
        });
        model.selectedRunProperty().addListener((o, old, run) -> table.getSelectionModel().select(run));

        TextArea settings = new TextArea();
        settings.setId("run-settings");
        settings.setEditable(false);
        settings.setPrefRowCount(4);
        settings.setMinHeight(Region.USE_PREF_SIZE);
        settings.setWrapText(true);
        settings.textProperty().bind(Bindings.createStringBinding(() -> model.selectedRunProperty().get() == null
                ? "" : model.selectedRunProperty().get().settingsText(), model.selectedRunProperty()));
        Button copy = new Button("Use these settings");
        copy.setTooltip(new Tooltip("Copy the selected run's settings into the form, for a new run"));
        copy.disableProperty().bind(model.selectedRunProperty().isNull());
        copy.setOnAction(e -> model.copySettingsOfSelected());
        copy.setId("copy-settings");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-runs");
        refresh.setOnAction(e -> model.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        // the table and the selected run's settings take the whole width, one above the other; beside each other
        // the table's values and the settings' words were cut short. A narrow pane puts the buttons under the title.
        FlowPane title = new FlowPane(12, 6, heading("Runs of this project"), refresh, copy);
        title.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(6, title, table, settings);
        VBox.setVgrow(table, Priority.ALWAYS);
        section.setPadding(new Insets(6, 10, 10, 10));
        return section;
    }

    /** plannedEpochs: the epochs of the run the form would start, which the empty chart spans. */
    private static LineChart<Number, Number> chart(String id, String what, List<XYChart.Series<Number, Number>> series,
            ObservableIntegerValue plannedEpochs) {
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("epoch");
        epochs.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        epochs.setForceZeroInRange(true);
        NumberAxis values = new NumberAxis();
        values.setLabel(what);
        values.setForceZeroInRange(false);
        EmptyChartRange.hold(epochs, values, series, plannedEpochs);
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setId(id);
        chart.getStyleClass().add("run-chart");
        chart.setAnimated(false);
        chart.getData().setAll(series);
        // the last series is the best epoch's marker: its symbol gets a style class of its own
        XYChart.Series<Number, Number> best = series.get(series.size() - 1);
        best.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> best.getData()
                .forEach(d -> {
                    if (d.getNode() != null && !d.getNode().getStyleClass().contains("best-epoch")) {
                        d.getNode().getStyleClass().add("best-epoch");
                    }
                }));
        chart.setMinSize(150, 180); // two side by side in a small window's pane
        return chart;
    }

    /** The chart, and while it has no point, a word over its empty axes saying where points come from. */
    private static Node withPlaceholder(LineChart<Number, Number> chart, List<XYChart.Series<Number, Number>> series) {
        Label empty = new Label("Start a run, or select one of the project's runs");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.getStyleClass().add("chart-placeholder");
        // over the empty axes, legible: the chart's own background, not quite opaque
        empty.setStyle("-fx-background-color: rgba(244, 244, 244, 0.92); -fx-padding: 8;");
        empty.setMaxWidth(180);
        empty.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> series.stream().allMatch(s -> s.getData().isEmpty()),
                series.stream().map(XYChart.Series::getData).toArray(Observable[]::new)));
        return new StackPane(chart, empty);
    }

    private static TableColumn<PastRun, String> explained(TableColumn<PastRun, String> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
        return column;
    }

    private static TableColumn<PastRun, String> fitted(TableColumn<PastRun, String> column, String widest) {
        ColumnFit.atLeast(column, widest);
        return column;
    }

    private static TableColumn<PastRun, String> column(String title, Function<PastRun, String> value) {
        TableColumn<PastRun, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private TextField field(SettingField setting, ObservableValue<Boolean> relevant) {
        TextField field = new TextField();
        field.setId(setting.key());
        field.setPrefColumnCount(5);
        field.textProperty().bindBidirectional(setting.textProperty());
        invalidWhen(field, setting.problemProperty());
        if (relevant != null) {
            field.disableProperty().bind(Bindings.createBooleanBinding(() -> !relevant.getValue(), relevant));
        }
        return field;
    }

    private static void invalidWhen(TextField field, ObservableValue<String> problem) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(problem);
        problem.addListener((o, old, now) -> {
            field.getStyleClass().remove("invalid");
            field.setTooltip(null);
            if (!now.isEmpty()) {
                field.getStyleClass().add("invalid");
                field.setTooltip(tip);
            }
        });
    }

    private static Label tip(String text, String explanation) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(explanation));
        return label;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, ObjectProperty<E> value, E[] choices) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.setPrefWidth(150); // "one per prompt" whole
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E choice) {
                return choice == null ? "" : ChoiceWords.of(choice.name());
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static Label problemLabel(ObservableValue<String> problem) {
        Label label = new Label();
        label.getStyleClass().add("problem");
        label.setWrapText(true);
        label.textProperty().bind(problem);
        return label;
    }

    private void showChecks(VBox checks) {
        checks.getChildren().clear();
        model.blockers().forEach(text -> checks.getChildren().add(wrapped(text, true)));
        model.notes().forEach(text -> checks.getChildren().add(wrapped(text, false)));
    }

    private static Label wrapped(String text, boolean problem) {
        Label label = new Label(text);
        label.setWrapText(true);
        if (problem) {
            label.getStyleClass().add("problem");
        }
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold");
        return label;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The form's grid, a row at a time. */
    private static final class Rows {
        private final GridPane grid;
        private int row;

        Rows(GridPane grid) {
            this.grid = grid;
        }

        void heading(String text) {
            Label label = TrainView.heading(text);
            label.setPadding(new Insets(row == 0 ? 0 : 8, 0, 0, 0));
            grid.add(label, 0, row++, 4, 1);
        }

        /** Two settings side by side. */
        void add(Label label, Node control, Label secondLabel, Node second) {
            for (Label l : new Label[] {label, secondLabel}) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            grid.addRow(row++, label, control, secondLabel, second);
        }

        /** A row of its own, after the first label column. */
        void wide(Node node) {
            grid.add(node, 1, row++, 3, 1);
        }
    }
}

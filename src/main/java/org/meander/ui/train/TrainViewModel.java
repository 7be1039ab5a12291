package org.meander.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.embed.EmbeddingCache;
import org.meander.weights.ErrorText;
import org.meander.project.Project;
import org.meander.train.RunFolder;
import org.meander.train.RunHistory;
import org.meander.train.RunOutcome;
import org.meander.train.RunDecoder;
import org.meander.train.TrainingConfig;
import org.meander.train.TrainingRun;

/**
 * The Train tab: the settings of a new run and its name, the check before it starts, the run itself on a background
 * thread with its progress and charts, and the project's past runs. Every property changes on the JavaFX thread;
 * the run reports through a {@link TrainingMonitor}, so a fast run does not flood that thread.
 */
public final class TrainViewModel implements AutoCloseable {

    private final Project project;
    private final Path baseModel;
    private final EmbeddingCache cache;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-train-check");
        t.setDaemon(true);
        return t;
    });

    private final TrainingForm form = new TrainingForm();
    private final StringProperty runName = new SimpleStringProperty("run-1");
    private final ReadOnlyStringWrapper runNameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Preflight> preflight = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> blockers = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    // read-only views made once: a view made per call is only weakly held by its list, and its listeners with it
    private final ObservableList<String> blockersView = FXCollections.unmodifiableObservableList(blockers);
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();

    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper trainingRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper throughput = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final RunCharts charts = new RunCharts();
    private final StartingChoices starts = new StartingChoices();

    private final ObservableList<PastRun> pastRuns = FXCollections.observableArrayList();
    private final ObservableList<PastRun> pastRunsView = FXCollections.unmodifiableObservableList(pastRuns);
    private final ObjectProperty<PastRun> selectedRun = new SimpleObjectProperty<>();
    private final BooleanBinding canStart;
    private final BooleanBinding canResume;

    private AtomicBoolean stopRequested = new AtomicBoolean();
    private CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);

    /**
     * baseModel: the folder of the model to fine-tune (Annotate's), and cache: its embeddings (Annotate's cache, whose
     * tile hashes are known); both null without a model. Nothing is read until {@link #refresh}.
     */
    public TrainViewModel(Project project, Path baseModel, EmbeddingCache cache) {
        this.project = project;
        this.baseModel = baseModel;
        this.cache = cache;
        runName.addListener(o -> checkRunName());
        pastRuns.addListener((javafx.collections.ListChangeListener<PastRun>) c -> checkRunName());
        preflight.addListener((o, old, check) -> showPreflight(check));
        selectedRun.addListener((o, old, run) -> {
            if (run != null && !training.get()) {
                charts.show(run.history());
            }
        });
        canStart = Bindings.createBooleanBinding(() -> !training.get() && ready.get() && form.configProperty().get()
                        != null && runNameProblem.get().isEmpty(),
                training, ready, form.configProperty(), runNameProblem);
        canResume = Bindings.createBooleanBinding(() -> !training.get() && selectedRun.get() != null
                && selectedRun.get().resumable(false), training, selectedRun);
        checkRunName();
    }

    public TrainingForm form() {
        return form;
    }

    public StringProperty runNameProperty() {
        return runName;
    }

    /** What is wrong with the run name, empty when nothing. */
    public ReadOnlyStringProperty runNameProblemProperty() {
        return runNameProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preflight> preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    /** What prevents a new run, in words that say what to do; empty when nothing does. */
    public ObservableList<String> blockers() {
        return blockersView;
    }

    /** What the check found besides: the tiles to train on, embeddings a run computes first. */
    public ObservableList<String> notes() {
        return notesView;
    }

    /** Whether the check found nothing that prevents a run. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    public BooleanBinding canResumeBinding() {
        return canResume;
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    /** The name of the run training now, empty when none. */
    public ReadOnlyStringProperty trainingRunProperty() {
        return trainingRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty runProgressProperty() {
        return runProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputProperty() {
        return throughput.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** How the last run ended, or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The charts of the run training now, else of the selected past run. */
    public RunCharts charts() {
        return charts;
    }

    public ObservableList<PastRun> pastRuns() {
        return pastRunsView;
    }

    public ObjectProperty<PastRun> selectedRunProperty() {
        return selectedRun;
    }

    /** A past run's status as the list shows it. */
    public String statusOf(PastRun run) {
        return run.statusText(training.get() && run.name().equals(trainingRun.get()));
    }

    /** The decoder the next run starts from: the model's own, or an earlier run's. */
    StartingChoices starts() {
        return starts;
    }

    /** Starts a new run with the form's settings under the run name, from the decoder chosen. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        TrainingConfig config = form.configProperty().get();
        String name = runName.get().trim();
        RunDecoder from = starts.chosenProperty().get();
        launch(name, false, () -> TrainingRun.create(project, name, baseModel, config, from));
    }

    /** Continues the selected past run from its last checkpoint, with its own settings. */
    public void resume() {
        if (!canResume.get()) {
            return;
        }
        String name = selectedRun.get().name();
        launch(name, true, () -> TrainingRun.open(project, name));
    }

    /** Asks the run to stop after its current batch; it saves its last checkpoint first. */
    public void stop() {
        if (training.get()) {
            stopRequested.set(true);
            stopping.set(true);
            phase.set("Stopping after this batch…");
        }
    }

    /** Stops the run, if one trains, and completes once it has saved its checkpoint and ended. */
    public CompletableFuture<Void> stopAndWait() {
        stop();
        return finished;
    }

    /** Copies the selected past run's settings into the form, for a new run that varies them. */
    public void copySettingsOfSelected() {
        PastRun run = selectedRun.get();
        if (run != null && run.config() != null) {
            form.load(run.config());
        }
    }

    /** Reads the project's runs and checks again what a new run would train on (labels and embeddings change). */
    public void refresh() {
        String keep = selectedRun.get() == null ? null : selectedRun.get().name();
        refresh(keep);
    }

    private void refresh(String select) {
        if (checks.isShutdown()) {
            return; // closed with the project
        }
        checks.submit(() -> {
            try {
                List<PastRun> runs = new ArrayList<>();
                for (RunFolder folder : RunFolder.all(project.directory())) {
                    runs.add(PastRun.read(folder));
                }
                Preflight check = Preflight.check(project, cache);
                List<RunDecoder> earlier = StartingChoices.of(runs, baseModel);
                Platform.runLater(() -> {
                    pastRuns.setAll(runs);
                    starts.offer(earlier);
                    if (runs.stream().anyMatch(r -> r.name().equals(runName.get().trim()))) {
                        runName.set(freeName()); // the name just trained, or one taken: offer the next
                    }
                    runs.stream().filter(r -> r.name().equals(select)).findFirst().ifPresent(selectedRun::set);
                    preflight.set(check);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> message.set("Could not read the project's runs: " + ErrorText.of(e)));
            }
        });
    }

    /** How a run is made or opened on the training thread. */
    private interface RunOpener {
        TrainingRun open() throws IOException;
    }

    private void launch(String name, boolean resume, RunOpener opener) {
        stopRequested = new AtomicBoolean();
        AtomicBoolean stop = stopRequested;
        CompletableFuture<Void> done = new CompletableFuture<>();
        finished = done;
        training.set(true);
        trainingRun.set(name);
        charts.clear();
        message.set("");
        phase.set("Loading the model…");
        runProgress.set(0);
        epochProgress.set(0);
        throughput.set("");
        timeLeft.set("");
        Thread thread = new Thread(() -> {
            RunOutcome outcome = null;
            Exception error = null;
            try {
                TrainingRun run = opener.open();
                refresh(name); // the new run joins the list, as running
                if (resume) {
                    RunHistory history = RunHistory.read(run.folder().history());
                    Platform.runLater(() -> charts.show(history)); // before the monitor's first points
                }
                TrainingMonitor monitor = new TrainingMonitor(run.config().epochs(), Platform::runLater, this::show);
                outcome = run.train(resume, monitor, stop::get);
            } catch (IOException | RuntimeException e) {
                error = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            }
            RunOutcome ended = outcome;
            Exception failure = error;
            Platform.runLater(() -> {
                ended(name, ended, failure);
                done.complete(null);
            });
        }, "meander-training");
        thread.setDaemon(true); // closing the window stops the run first (stopAndWait); writes are atomic anyway
        thread.start();
    }

    private void show(TrainingMonitor.Report report) {
        RunProgress p = report.progress();
        if (!stopping.get()) {
            phase.set(p.phase());
        }
        runProgress.set(p.run());
        epochProgress.set(p.epoch());
        throughput.set(Double.isNaN(p.samplesPerSecond()) ? ""
                : String.format(Locale.ROOT, "%.1f samples/s", p.samplesPerSecond()));
        timeLeft.set(Double.isNaN(p.secondsLeft()) ? "" : Durations.format(p.secondsLeft()) + " left");
        report.points().forEach(charts::add);
        if (report.points().stream().anyMatch(point -> point instanceof RunPoint.Epoch)) {
            refresh(); // the runs table shows the epochs the run's folder now holds
        }
    }

    private void ended(String name, RunOutcome outcome, Exception error) {
        training.set(false);
        stopping.set(false);
        trainingRun.set("");
        timeLeft.set("");
        if (error != null) {
            phase.set("");
            message.set("Run " + name + " could not train: " + ErrorText.of(error));
        } else {
            String why = outcome.message() == null ? "" : " (" + outcome.message() + ")";
            phase.set(switch (outcome.status()) {
                case FINISHED -> "Finished";
                case STOPPED -> "Stopped";
                case FAILED -> "Failed";
                case RUNNING -> "";
            });
            message.set(switch (outcome.status()) {
                case FINISHED -> "Run " + name + " finished" + why + "; best epoch " + outcome.bestEpoch() + ".";
                case STOPPED -> "Run " + name + " stopped" + why + ": Resume continues from its last checkpoint.";
                case FAILED -> "Run " + name + " failed" + why + ".";
                case RUNNING -> "";
            });
        }
        refresh(name);
    }

    private void showPreflight(Preflight check) {
        blockers.setAll(check.blockers());
        notes.setAll(check.notes());
        ready.set(check.blockers().isEmpty());
        device.set(Preflight.describeDevice(check.device()));
    }

    /** The first of run-1, run-2… that no run has. */
    private String freeName() {
        for (int i = 1; ; i++) {
            String name = "run-" + i;
            if (pastRuns.stream().noneMatch(r -> r.name().equals(name))) {
                return name;
            }
        }
    }

    private void checkRunName() {
        String name = runName.get() == null ? "" : runName.get().trim();
        try {
            RunFolder.of(project.directory(), name);
        } catch (IllegalArgumentException e) {
            runNameProblem.set(ErrorText.of(e));
            return;
        }
        boolean taken = pastRuns.stream().anyMatch(r -> r.name().equals(name));
        runNameProblem.set(taken ? "A run named " + name + " exists: choose another name, or select it below and"
                + " Resume it" : "");
    }

    /** Stops a run that still trains without waiting for it; call {@link #stopAndWait} first to wait. */
    @Override
    public void close() {
        stopRequested.set(true);
        checks.shutdownNow();
    }
}

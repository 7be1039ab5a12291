package org.meander.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.meander.weights.ErrorText;
import org.meander.project.Project;
import org.meander.weights.hub.ModelDownloader;

/**
 * The JavaFX application: opens the project and model given on the command line, else the last ones used, else
 * the sample project ({@link RecentChoices}). Loading happens in {@link #init} (the launcher thread), not on the
 * JavaFX thread. A model that fails to load leaves the window without one, saying why, rather than without a
 * window. The model manager outlives each project's window, so a download goes on while projects change.
 */
public final class MeanderApp extends Application {

    private static Path requestedProject;
    private static Path requestedModel;
    private static boolean smokeTest;
    private static volatile int exitCode;

    private final RecentChoices recent = RecentChoices.forUser();
    private ModelManagerViewModel models;
    private ModelManagerWindow managerWindow;
    private NewProjectWindow newProjectWindow;
    private ExportLabelsWindow exportWindow;
    private ImportLabelsWindow importWindow;
    private AutoLabelWindow autoLabelWindow;
    private AddRasterWindow addRasterWindow;
    private Workbench workbench;
    private Stage stage;
    private Path modelDir;
    private String modelFailure;

    /**
     * Starts the window and returns its exit code when it closes. Either path may be null. With smokeTest the
     * window closes itself once it is up (see {@link SmokeTest}).
     */
    public static int launch(Path project, Path model, boolean smoke) {
        requestedProject = project;
        requestedModel = model;
        smokeTest = smoke;
        try {
            Application.launch(MeanderApp.class);
        } catch (UnsupportedOperationException e) {
            // JavaFX on Linux says only "Unable to open DISPLAY"
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new IllegalStateException("the window needs a screen, and there is no display here (DISPLAY"
                        + " is unset or cannot be opened). Everything but annotating has a command: ./meander --help;"
                        + " or give the window a virtual screen: xvfb-run ./meander", e);
            }
            throw e;
        } catch (RuntimeException e) {
            // JavaFX wraps what init or start threw in "Exception in Application init method": pass on the cause
            if (e.getCause() != null && String.valueOf(e.getMessage()).startsWith("Exception in Application")) {
                throw new IllegalStateException(ErrorText.of(e.getCause()), e.getCause());
            }
            throw e;
        }
        return exitCode;
    }

    @Override
    public void init() throws Exception {
        Path projectDir = recent.project(requestedProject);
        modelDir = recent.model(requestedModel);
        Project project = Project.open(projectDir); // no window without a project; without a model there is one
        try {
            workbench = Workbench.open(project, modelDir);
        } catch (Exception e) {
            if (modelDir == null) {
                throw e;
            }
            modelFailure = "Could not load the model in " + modelDir + ": " + ErrorText.of(e);
            modelDir = null;
            workbench = Workbench.open(project, null);
        }
        recent.remember(projectDir, modelDir);
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        stage.getIcons().add(new Image(MeanderApp.class.getResource("meander.png").toExternalForm()));
        models = new ModelManagerViewModel(ModelDownloader.standard(), this::useModel);
        models.setCurrent(modelDir);
        if (modelFailure != null) {
            models.setMessage(modelFailure);
        }
        show();
        CloseDuringRun.install(stage, () -> workbench.train());
        // back from a terminal where a raster was cut into the project, say
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                workbench.annotate().outsideChanges().takeIn();
            }
        });
        stage.show();
        if (smokeTest) {
            SmokeTest.run(stage, workbench, modelFailure, code -> exitCode = code);
        }
    }

    private void show() {
        Path project = workbench.project().directory();
        recent.lastTile(project).flatMap(workbench.project()::tile)
                .ifPresent(workbench.annotate().selectedTileProperty()::set);
        workbench.annotate().selectedTileProperty().addListener((o, old, tile) -> {
            if (tile != null) {
                recent.rememberTile(project, tile.name());
            }
        });
        MainWindow window = new MainWindow(workbench,
                new ProjectActions(this::newProject, this::openProject, this::openSampleProject, this::addRaster,
                        () -> RasterRemovalDialog.show(stage, workbench.annotate()),
                        () -> RestoreTileDialog.show(stage, workbench.annotate()), this::autoLabel,
                        this::importLabels, this::exportLabels));
        window.showModelControls(ModelMenu.create(models, this::openModelManager, this::chooseModelFolder),
                modelDir == null ? NoModelBar.create(models, this::openModelManager, this::chooseModelFolder) : null);
        stage.setTitle("Meander — " + workbench.project().directory().getFileName());
        stage.setScene(window.scene());
    }

    private void openModelManager() {
        if (managerWindow == null) {
            managerWindow = new ModelManagerWindow(models);
        }
        managerWindow.show(stage);
    }

    /** One "New project…" window, kept: a copy in progress goes on while it is closed and shows when reopened. */
    private void newProject() {
        if (newProjectWindow == null) {
            newProjectWindow = new NewProjectWindow(new NewProjectViewModel(this::openProject));
        }
        newProjectWindow.show(stage);
    }

    /**
     * A window for the project open now; the last one is kept while it is its Annotate's (an Annotate is one
     * project's, and one model's).
     */
    private void addRaster() {
        if (addRasterWindow == null || addRasterWindow.annotate() != workbench.annotate()) {
            addRasterWindow = new AddRasterWindow(new AddRasterViewModel(workbench.project(), workbench.annotate()));
        }
        addRasterWindow.show(stage);
    }

    /** A window for the project open now, kept as {@link #addRaster}'s is. */
    private void autoLabel() {
        if (autoLabelWindow == null || autoLabelWindow.annotate() != workbench.annotate()) {
            autoLabelWindow = new AutoLabelWindow(new AutoLabelViewModel(workbench.project(), workbench.annotate(),
                    workbench.annotationDecoder()));
        }
        autoLabelWindow.show(stage);
    }

    /** A window for the project open now, kept as {@link #addRaster}'s is. */
    private void importLabels() {
        if (importWindow == null || importWindow.annotate() != workbench.annotate()) {
            importWindow = new ImportLabelsWindow(new ImportLabelsViewModel(workbench.project(),
                    workbench.annotate()));
        }
        importWindow.show(stage);
    }

    /** A window for the project open now; the last one is kept while it is that project's. */
    private void exportLabels() {
        if (exportWindow == null || exportWindow.project() != workbench.project()) {
            exportWindow = new ExportLabelsWindow(new ExportLabelsViewModel(workbench.project(),
                    workbench.annotate().editor()));
        }
        exportWindow.show(stage);
    }

    private void chooseModelFolder() {
        ModelFolderChooser.choose(stage, models);
    }

    private void openSampleProject() {
        try {
            openProject(recent.sampleProject());
        } catch (java.io.IOException e) {
            alert(Alert.AlertType.ERROR, "sample project", "Could not create the sample project: " + ErrorText.of(e));
        }
    }

    /**
     * Opens another project with the same model, already loaded, off the JavaFX thread; the current one is saved and
     * closed.
     */
    private void openProject(Path project) {
        if (refusedWhileTraining("open the other project")) {
            return;
        }
        Workbench old = workbench;
        old.annotate().editor().saveIfDirty();
        // the model passes on at once, ending this window's work: an edit made meanwhile would have nowhere to go
        Parent window = stage.getScene().getRoot();
        window.setDisable(true);
        reopen(project, modelDir, "Could not open " + project, () -> old.openProject(project),
                () -> window.setDisable(false));
    }

    /**
     * Reloads the workbench with another model, off the JavaFX thread. The label being edited is saved first,
     * since the new workbench reads the project's labels from disk.
     */
    private void useModel(Path model) {
        if (refusedWhileTraining("switch the model")) {
            return;
        }
        workbench.annotate().editor().saveIfDirty();
        models.setMessage("Loading " + model + "…");
        reopen(workbench.project().directory(), model, "Could not load the model in " + model,
                () -> Workbench.open(workbench.project().directory(), model), () -> { });
    }

    /** A message over the window, titled as the program's other dialogs are ("Meander — ..."). */
    private void alert(Alert.AlertType type, String title, String text) {
        Alert alert = new Alert(type, text);
        alert.setTitle("Meander — " + title);
        alert.initOwner(stage);
        alert.showAndWait();
    }

    /** Reloading the workbench would end a run: say so instead, and return true, while one trains. */
    private boolean refusedWhileTraining(String action) {
        if (!workbench.train().trainingProperty().get()) {
            return false;
        }
        alert(Alert.AlertType.INFORMATION, "a run is training", "Run " + workbench.train().trainingRunProperty().get()
                + " is training in this project: stop it in the Train tab first, then " + action + ".");
        return true;
    }

    /**
     * Replaces the workbench with the one {@code opening} makes, off the JavaFX thread, once the label is saved;
     * {@code afterFailure} runs on the JavaFX thread when it cannot.
     */
    private void reopen(Path project, Path model, String failure, Callable<Workbench> opening,
            Runnable afterFailure) {
        Workbench old = workbench;
        Task<Workbench> task = new Task<>() {
            @Override
            protected Workbench call() throws Exception {
                old.annotate().editor().awaitSaved();
                return opening.call();
            }
        };
        task.setOnSucceeded(e -> {
            old.close();
            workbench = task.getValue();
            modelDir = model;
            recent.remember(project, model);
            models.setCurrent(model);
            if (model != null && models.messageProperty().get().startsWith("Loading ")) {
                models.setMessage("");
            }
            show();
        });
        task.setOnFailed(e -> {
            afterFailure.run();
            String text = failure + ":\n" + ErrorText.of(task.getException());
            models.setMessage(text);
            alert(Alert.AlertType.ERROR, "could not open", text);
        });
        Thread thread = new Thread(task, "meander-open-project");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        workbench.close();
    }
}

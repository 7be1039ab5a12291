package org.meander.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the project and model given on the command line, else the last ones used, else
 * the sample project ({@link RecentChoices}). Loading happens in {@link #init} (the launcher thread), not on the
 * JavaFX thread.
 */
public final class MeanderApp extends Application {

    private static Path requestedProject;
    private static Path requestedModel;

    private final RecentChoices recent = RecentChoices.forUser();
    private Workbench workbench;
    private Stage stage;
    private Path modelDir;

    /** Starts the window and returns when it closes. Either path may be null. */
    public static void launch(Path project, Path model) {
        requestedProject = project;
        requestedModel = model;
        Application.launch(MeanderApp.class);
    }

    @Override
    public void init() throws Exception {
        Path project = recent.project(requestedProject);
        modelDir = recent.model(requestedModel);
        workbench = Workbench.open(project, modelDir);
        recent.remember(project, modelDir);
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        show();
        CloseDuringRun.install(stage, () -> workbench.train());
        stage.show();
    }

    private void show() {
        MainWindow window = new MainWindow(workbench, this::openProject, this::openSampleProject);
        stage.setTitle("Meander — " + workbench.project().directory().getFileName());
        stage.setScene(window.scene());
    }

    private void openSampleProject() {
        try {
            openProject(recent.sampleProject());
        } catch (java.io.IOException e) {
            new Alert(Alert.AlertType.ERROR, "Could not create the sample project: " + e.getMessage()).showAndWait();
        }
    }

    /** Opens another project with the same model, off the JavaFX thread; the current one is saved and closed. */
    private void openProject(Path project) {
        if (workbench.train().trainingProperty().get()) {
            new Alert(Alert.AlertType.INFORMATION, "Run " + workbench.train().trainingRunProperty().get() + " is"
                    + " training in this project: stop it in the Train tab first, then open the other project.")
                    .showAndWait();
            return;
        }
        Task<Workbench> opening = new Task<>() {
            @Override
            protected Workbench call() throws Exception {
                return Workbench.open(project, modelDir);
            }
        };
        opening.setOnSucceeded(e -> {
            workbench.close();
            workbench = opening.getValue();
            recent.remember(project, modelDir);
            show();
        });
        opening.setOnFailed(e -> new Alert(Alert.AlertType.ERROR, "Could not open " + project + ":\n"
                + opening.getException().getMessage()).showAndWait());
        Thread thread = new Thread(opening, "meander-open-project");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        workbench.close();
    }
}

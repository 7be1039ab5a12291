package org.meander.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.meander.project.SampleProject;

/**
 * The JavaFX application: opens the project and model given on the command line, else the last ones used, else
 * the built-in sample project. Loading happens in {@link #init} (the launcher thread), not on the JavaFX thread.
 */
public final class MeanderApp extends Application {

    private static Path requestedProject;
    private static Path requestedModel;

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
        Preferences prefs = Preferences.userNodeForPackage(MeanderApp.class);
        Path project = requestedProject != null ? requestedProject : remembered(prefs, "project");
        Path model = requestedModel != null ? requestedModel : remembered(prefs, "model");
        if (project == null) {
            project = Path.of(System.getProperty("user.home"), ".meander", "sample-project");
            if (!project.resolve("tiles").toFile().isDirectory()) {
                SampleProject.create(project, 1);
            }
        }
        modelDir = model;
        workbench = Workbench.open(project, model);
        prefs.put("project", project.toAbsolutePath().toString());
        if (model != null) {
            prefs.put("model", model.toAbsolutePath().toString());
        }
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        show();
        stage.show();
    }

    private void show() {
        MainWindow window = new MainWindow(workbench.annotate(), workbench.modelName(), this::openProject);
        stage.setTitle("Meander — " + workbench.project().directory().getFileName());
        stage.setScene(window.scene());
    }

    /** Opens another project with the same model, off the JavaFX thread; the current one is saved and closed. */
    private void openProject(Path project) {
        Task<Workbench> opening = new Task<>() {
            @Override
            protected Workbench call() throws Exception {
                return Workbench.open(project, modelDir);
            }
        };
        opening.setOnSucceeded(e -> {
            workbench.close();
            workbench = opening.getValue();
            Preferences.userNodeForPackage(MeanderApp.class).put("project", project.toAbsolutePath().toString());
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

    private static Path remembered(Preferences prefs, String key) {
        String value = prefs.get(key, null);
        return value == null || !Path.of(value).toFile().exists() ? null : Path.of(value);
    }
}

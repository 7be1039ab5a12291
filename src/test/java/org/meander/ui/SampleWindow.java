package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.meander.project.SampleProject;

/** A new sample project of six tiles in a workbench, with the Annotate window shown in a test's stage. */
record SampleWindow(Workbench workbench, MainWindow window) {

    /** A change to the project's files before it is opened, such as a damaged tile. */
    interface Preparation {
        void prepare(Path project) throws IOException;
    }

    /** seed: the sample's; model: a SAM folder, or null for the hand tools alone. */
    static SampleWindow show(Stage stage, long seed, Path model) throws IOException {
        return show(stage, seed, model, project -> { });
    }

    static SampleWindow show(Stage stage, long seed, Path model, Preparation preparation) throws IOException {
        Path project = Files.createTempDirectory("meander-ui-test");
        SampleProject.create(project, seed);
        preparation.prepare(project);
        Workbench workbench = Workbench.open(project, model);
        MainWindow window = new MainWindow(workbench.annotate(), workbench.modelName());
        stage.setScene(window.scene());
        stage.show();
        return new SampleWindow(workbench, window);
    }
}

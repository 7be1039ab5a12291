package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.SampleProject;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar shows where the encoding stands even when it got there before the window was built. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class StatusBarTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Path project = Files.createTempDirectory("meander-status-bar");
        SampleProject.create(project, 1);
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void encodingFinishedBeforeTheWindowIsShown(FxRobot robot) throws Exception {
        // every embedding made (or found in the cache) before the window listens, as on a fast reopen
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.annotate().encodingProperty().get() != null
                && workbench.annotate().encodingProperty().get().finished());
        robot.interact(() -> stage.setScene(new MainWindow(workbench.annotate(), workbench.modelName()).scene()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Embeddings 6/6", robot.lookup("#encoding-progress").queryAs(Label.class).getText());
    }
}

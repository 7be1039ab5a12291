package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.project.SampleProject;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The JavaFX thread keeps answering while the background queue encodes every tile of a project. */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ResponsivenessTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path project = Files.createTempDirectory("meander-ui-test");
        SampleProject.create(project, 2);
        workbench = Workbench.open(project, Fixtures.model("tiny"));
        stage.setScene(new MainWindow(workbench.annotate(), workbench.modelName()).scene());
        stage.show();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void fxThreadIsNeverBlockedOver50msWhileEncoding() throws Exception {
        AtomicLong worstMs = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int probes = 0;
        while (!workbench.queue().progress().finished() && System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            CountDownLatch answered = new CountDownLatch(1);
            Platform.runLater(() -> {
                worstMs.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                answered.countDown();
            });
            assertTrue(answered.await(5, TimeUnit.SECONDS), "the JavaFX thread did not answer within 5 s");
            probes++;
            Thread.sleep(10);
        }
        assertTrue(workbench.queue().progress().finished(), "encoding did not finish: " + workbench.queue().progress());
        assertTrue(probes > 10, "too few probes (" + probes + ") to judge");
        assertTrue(worstMs.get() <= 50, "the JavaFX thread was blocked for " + worstMs.get() + " ms");
    }
}

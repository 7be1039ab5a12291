package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingQueue;
import org.meander.embed.InteractivePredictor;
import org.meander.embed.SamTileEncoder;
import org.meander.embed.TileEncoder;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Tile;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;
import org.meander.testing.OneWindow;
import org.meander.weights.SamLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window never waits for the encoder. The first encode is held until the test lets it go, so a JavaFX thread
 * that waited for it would hang for as long as the test holds it: no timing threshold is needed to tell.
 */
@ExtendWith({ApplicationExtension.class, OneWindow.class})
class ResponsivenessTest {

    /** How long the encoder is held at most; answers the test waits for must come well before. */
    private static final long HOLD_SECONDS = 60;

    private HeldEncoder encoder;
    private SamModel model;
    private EncodingQueue queue;
    private InteractivePredictor predictor;
    private AnnotateViewModel annotate;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path directory = Files.createTempDirectory("meander-ui-test");
        SampleProject.create(directory, 2);
        Project project = Project.open(directory);
        model = SamLoader.load(Fixtures.model("tiny"));
        // wired as Workbench wires a project, with the encoder held
        encoder = new HeldEncoder(new SamTileEncoder(model));
        EmbeddingCache cache = new EmbeddingCache(directory, model.encoderFingerprint(), 64L << 20);
        queue = new EncodingQueue(encoder, cache);
        predictor = new InteractivePredictor(model, cache, queue);
        annotate = new AnnotateViewModel(project, predictor, queue);
        window = new MainWindow(annotate, "tiny");
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        encoder.release.countDown();
        annotate.close();
        predictor.close();
        queue.close();
        model.close();
    }

    @Test
    void aClickWhileTheTileEncodesIsAnsweredWhenItsEmbeddingArrives(FxRobot robot) throws Exception {
        assertTrue(encoder.started.await(HOLD_SECONDS, TimeUnit.SECONDS), "the queue starts encoding at once");
        answersWhileHeld("while a tile is encoding");

        Tile tile = annotate.selectedTileProperty().get();
        robot.clickOn(CanvasPoints.screenPoint(window.canvas(), 120, 140), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> annotate.statusProperty().get().startsWith("Computing the embedding of " + tile.name()));
        assertEquals(1, annotate.sam().promptProperty().get().points().size(),
                "the click is taken before the embedding");
        assertNull(annotate.sam().previewProperty().get());
        answersWhileHeld("after a click on a tile without its embedding");

        encoder.release.countDown();
        WaitForAsyncUtils.waitFor(HOLD_SECONDS, TimeUnit.SECONDS, () -> annotate.sam().previewProperty().get() != null);
        assertEquals(3, annotate.sam().previewProperty().get().candidates(), "the click's candidates, once encoded");
        queue.awaitIdle();
        assertTrue(queue.progress().finished(), "every tile is encoded: " + queue.progress());
    }

    /** The JavaFX thread runs a task while the encoder is held. */
    private void answersWhileHeld(String when) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertTrue(answered.await(10, TimeUnit.SECONDS), "the JavaFX thread did not answer " + when);
        assertTrue(queue.progress().current() != null, "a tile is being encoded " + when);
    }

    /** SAM's encoder, its first call held until {@link #release}. */
    private static final class HeldEncoder implements TileEncoder {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final TileEncoder encoder;

        HeldEncoder(TileEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public ImageEmbedding encode(Path tile) throws IOException {
            if (started.getCount() > 0) {
                started.countDown();
                try {
                    if (!release.await(HOLD_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException(tile + ": the test never released the encoder");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return encoder.encode(tile);
        }
    }
}

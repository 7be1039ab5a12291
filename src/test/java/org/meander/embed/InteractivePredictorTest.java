package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;

/**
 * The interactive predictor on the real tiny model: never encodes on the caller's thread, says NotReady instead of
 * blocking, answers from cached embeddings, and agrees with SAM's own predictor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractivePredictorTest {

    static final String FP = "aaaabbbbccccdddd";
    static final List<Prompt> CLICK = List.of(Prompt.of(new Point(500, 300, Point.POSITIVE)));

    SamModel model;

    @TempDir
    Path project;

    @BeforeAll
    void load() throws IOException {
        model = SamLoader.load(Fixtures.model("tiny"));
    }

    @AfterAll
    void close() {
        model.close();
    }

    Path tile(String name, String content) throws IOException {
        Files.createDirectories(project.resolve("tiles"));
        return Files.writeString(project.resolve("tiles").resolve(name), content);
    }

    @Test
    void notReadyAtOnceWhileEncodingThenReadyWithThreeCandidates() throws Exception {
        Path tile = tile("a.png", "tile a");
        FakeEncoder encoder = new FakeEncoder(32, 64); // the tiny model's embedding size
        CountDownLatch release = new CountDownLatch(1);
        encoder.holdFirst = release;
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        try (EncodingQueue queue = new EncodingQueue(encoder, cache);
             InteractivePredictor predictor = new InteractivePredictor(model, cache, queue)) {
            // the first encode is held until released below (at most 30 s, then it fails): a predict that waited
            // for it would not answer NotReady here, and the tile would fail instead of becoming Ready
            InteractivePredictor.Answer answer = predictor.predict(tile, CLICK, null, true);
            InteractivePredictor.NotReady notReady = assertInstanceOf(InteractivePredictor.NotReady.class, answer);
            assertEquals(tile, notReady.tile());

            // the predict focused the tile: the queue is encoding it, on its own thread, while we are free
            assertTrue(encoder.firstStarted.await(10, TimeUnit.SECONDS), "predict queued the tile");
            assertEquals(List.of(tile), encoder.calls);
            assertInstanceOf(InteractivePredictor.NotReady.class, predictor.predict(tile, CLICK, null, true),
                    "still not blocking");
            release.countDown();
            queue.awaitIdle();
            assertFalse(encoder.threads.contains(Thread.currentThread()), "never encodes on the caller's thread");

            Prediction ready = ((InteractivePredictor.Ready) predictor.predict(tile, CLICK, null, true)).prediction();
            assertEquals(3, ready.candidates());
            assertEquals(3, ready.iouScores().length);
            ImageEmbedding expectedEmbedding = EmbeddingFile.asStored(FakeEncoder.embeddingOf(Files.readAllBytes(tile), 32, 64));
            try (SamPredictor direct = model.predictor(expectedEmbedding)) {
                Prediction expected = direct.predict(CLICK, null, true);
                assertArrayEquals(expected.iouScores(), ready.iouScores(), 1e-5f);
            }

            // the open predictor is kept: the cache folder can go, the same prompt gets the same answer
            deleteTree(project.resolve("cache"));
            Prediction again = ((InteractivePredictor.Ready) predictor.predict(tile, CLICK, null, true)).prediction();
            assertArrayEquals(ready.lowResLogits(), again.lowResLogits());
            assertArrayEquals(ready.iouScores(), again.iouScores());
            assertEquals(1, encoder.count.get());
        }
    }

    @Test
    void anEditedTileIsNotAnsweredWithItsOldEmbedding() throws Exception {
        Path tile = tile("a.png", "tile a, first version");
        FakeEncoder encoder = new FakeEncoder(32, 64);
        EmbeddingCache cache = new EmbeddingCache(project, FP, 64L << 20);
        try (EncodingQueue queue = new EncodingQueue(encoder, cache);
             InteractivePredictor predictor = new InteractivePredictor(model, cache, queue)) {
            queue.submit(List.of(tile));
            queue.awaitIdle();
            assertInstanceOf(InteractivePredictor.Ready.class, predictor.predict(tile, CLICK, null, true));

            Files.writeString(tile, "tile a, second version: repainted");
            InteractivePredictor.Answer stale = predictor.predict(tile, CLICK, null, true);
            assertInstanceOf(InteractivePredictor.NotReady.class, stale, "the old pixels' embedding must not answer");

            Prediction fresh = null;
            for (int i = 0; i < 200 && fresh == null; i++) {
                if (predictor.predict(tile, CLICK, null, true) instanceof InteractivePredictor.Ready r) {
                    fresh = r.prediction();
                } else {
                    Thread.sleep(25);
                }
            }
            assertTrue(fresh != null, "the edited tile is encoded and then answered");
            assertEquals(2, encoder.count.get());
            try (SamPredictor direct = model.predictor(
                    EmbeddingFile.asStored(FakeEncoder.embeddingOf(Files.readAllBytes(tile), 32, 64)))) {
                assertArrayEquals(direct.predict(CLICK, null, true).iouScores(), fresh.iouScores(), 1e-5f);
            }
        }
    }

    @Test
    void agreesWithSamsPredictorOnTheRealEncoderUpToFloat16() throws Exception {
        Files.createDirectories(project.resolve("tiles"));
        Path tile = Files.copy(Fixtures.fixture("tiny").resolve("images").resolve("river_a.png"),
                project.resolve("tiles").resolve("river_a.png"));
        EmbeddingCache cache = new EmbeddingCache(project, model.encoderFingerprint(), 64L << 20);
        try (EncodingQueue queue = new EncodingQueue(new SamTileEncoder(model), cache)) {
            queue.request(tile).get(60, TimeUnit.SECONDS);
            queue.awaitIdle();
        }
        Prediction expected;
        try (SamPredictor direct = model.predictor(model.encode(ImageIO.read(tile.toFile())))) {
            expected = direct.predict(CLICK, null, true);
        }
        // a fresh cache: the embedding comes from the float16 file
        EmbeddingCache cold = new EmbeddingCache(project, model.encoderFingerprint(), 64L << 20);
        try (EncodingQueue idle = new EncodingQueue(tileFile -> {
            throw new AssertionError("cached: nothing to encode");
        }, cold);
             InteractivePredictor predictor = new InteractivePredictor(model, cold, idle)) {
            assertTrue(predictor.open(tile));
            Prediction got = ((InteractivePredictor.Ready) predictor.predict(tile, CLICK, null, true)).prediction();
            assertEquals(expected.candidates(), got.candidates());
            assertArrayEquals(expected.lowResLogits(), got.lowResLogits(), 1e-2f);
            assertArrayEquals(expected.iouScores(), got.iouScores(), 1e-2f);
            assertEquals(expected.best(0), got.best(0));
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

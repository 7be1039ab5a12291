package org.meander.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.meander.embed.EncodingProgress;
import org.meander.project.Tile;

/**
 * {@code ./meander app --smoke-test}: proves a build or an installed package works on this machine. Once the
 * window is up it waits for the first tile's embedding when a model is loaded (so PyTorch's native library loads),
 * prints one JSON line of what it saw (with how many embeddings this process computed), and closes the window; the
 * exit code is 0, or 1 with the error on stderr: a model that failed to load fails the check too (the window opens
 * without it, but the package is not working).
 */
final class SmokeTest {

    private static final long EMBEDDING_TIMEOUT_S = 300;

    private SmokeTest() {
    }

    /** modelFailure: why the model asked for did not load, or null. */
    static void run(Stage stage, Workbench workbench, String modelFailure, IntConsumer exitCode) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("window", stage.getTitle());
        seen.put("showing", stage.isShowing());
        seen.put("width", Math.round(stage.getWidth()));
        seen.put("height", Math.round(stage.getHeight()));
        seen.put("tiles", workbench.annotate().tiles().size());
        seen.put("model", workbench.modelName());
        seen.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        if (modelFailure != null) {
            seen.put("model_error", modelFailure);
        }
        Thread thread = new Thread(() -> {
            try {
                if (workbench.queue() != null && !workbench.annotate().tiles().isEmpty()) {
                    Tile first = workbench.annotate().tiles().get(0);
                    long start = System.nanoTime();
                    workbench.queue().request(first.image()).get(EMBEDDING_TIMEOUT_S, TimeUnit.SECONDS);
                    // 0 when the background queue had it ready before the check asked: the count below then
                    // says whether this process computed it (PyTorch ran) or read it from an earlier run's cache
                    seen.put("embedding_ms", Math.round((System.nanoTime() - start) / 1e6));
                    EncodingProgress progress = workbench.queue().progress();
                    seen.put("embeddings_computed", progress.encoded());
                    seen.put("embeddings_from_cache", progress.fromCache());
                }
                System.out.println(new ObjectMapper().writeValueAsString(seen));
                if (modelFailure != null) {
                    System.err.println("meander: " + modelFailure);
                }
                exitCode.accept(stage.isShowing() && modelFailure == null ? 0 : 1);
            } catch (Exception e) {
                System.err.println("meander: smoke test failed: " + e);
                exitCode.accept(1);
            }
            Platform.runLater(Platform::exit);
        }, "meander-smoke-test");
        thread.setDaemon(true);
        thread.start();
    }
}

package org.meander.cli;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.TileKey;
import org.meander.sam.Box;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;
import org.meander.sam.Point;
import org.meander.sam.PreprocessedImage;
import org.meander.sam.Prompt;
import org.meander.sam.SamConfig;
import org.meander.sam.SamModel;
import org.meander.train.BatchPrefetcher;
import org.meander.train.LossFunction;
import org.meander.train.LossSettings;
import org.meander.train.OutputHandling;
import org.meander.train.TrainingConfig;
import org.meander.train.TrainingExample;
import org.meander.train.TrainingStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./meander bench-train}: decoder fine-tuning speed and memory at ViT-B sizes (random weights), from
 * embeddings streamed off a disk cache, against one step of the seed's way (the encoder re-run for every sample).
 */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        description = {"Benchmark fine-tuning speed and memory; ends with one JSON line of figures.",
                "Training samples a second from cached embeddings (ViT-B decoder, random weights), the seed's step",
                "with the encoder re-run per sample, and memory over an epoch of streamed embeddings."})
final class TrainBenchCommand implements Callable<Integer> {

    @Option(names = "--batch-size", paramLabel = "N",
            defaultValue = "8", description = "tiles per step (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
            description = "timed steps per prompt kind (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--micro-batch", paramLabel = "N", defaultValue = "2",
            description = "images decoded at once within a step (default ${DEFAULT-VALUE})")
    int microBatch;

    @Option(names = "--tiles", paramLabel = "N", defaultValue = "1000",
            description = "tiles in the streamed epoch (default ${DEFAULT-VALUE})")
    int tiles;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("batch_size", batchSize);
        figures.put("micro_batch", microBatch);
        figures.put("device", Engine.getInstance().defaultDevice().toString());
        System.err.println("device: " + Engine.getInstance().defaultDevice());
        LossSettings loss = new LossSettings(LossFunction.DICE_CE, OutputHandling.SINGLE, false);
        Path scratch = Files.createTempDirectory("meander-bench-train");
        // as a run holds it: without the vision encoder, which training never runs
        try (SamModel sam = SamModel.random(SamConfig.vitBase(), 42, false);
             TrainingStep step = new TrainingStep(sam, loss, TrainingConfig.defaults().adamW(), microBatch)) {
            Random random = new Random(3);
            ImageEmbedding embedding = randomEmbedding(random);
            float[] target = target();

            // first, while the process is fresh: its resident memory then shows what an epoch needs
            figures.putAll(streamedEpoch(step, sam.encoderFingerprint(), scratch, random, target));

            List<TrainingExample> boxes = batch(embedding, target, List.of(Prompt.of(new Box(300, 200, 700, 800))));
            double boxSeconds = timeSteps(step, boxes);
            figures.put("box_samples_per_s", BenchCommand.round(batchSize / boxSeconds, 2));
            System.err.printf("box prompts: %.2f s a step of %d, %.1f samples/s%n", boxSeconds, batchSize,
                    batchSize / boxSeconds);

            List<Prompt> onePerPoint = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                onePerPoint.add(Prompt.of(new Point(300 + 80 * i, 400, i < 3 ? Point.POSITIVE : Point.NEGATIVE)));
            }
            double pointSeconds = timeSteps(step, batch(embedding, target, onePerPoint));
            figures.put("points_5_one_per_prompt_samples_per_s", BenchCommand.round(batchSize / pointSeconds, 2));
            System.err.printf("5 control points, one per prompt (the seed's default): %.2f s a step, %.1f samples/s%n",
                    pointSeconds, batchSize / pointSeconds);

            double encoder = encoderSeconds();
            double seedStep = batchSize * encoder + boxSeconds;
            figures.put("encoder_s", BenchCommand.round(encoder, 2));
            figures.put("seed_step_s", BenchCommand.round(seedStep, 2));
            figures.put("speedup_vs_seed", BenchCommand.round(seedStep / boxSeconds, 2));
            System.err.printf("the seed's way (encoder per sample): %.1f s a step, %.2f samples/s: %.0fx slower%n",
                    seedStep, batchSize / seedStep, seedStep / boxSeconds);
        } finally {
            ScratchFolder.delete(scratch);
        }
        System.out.println(new ObjectMapper().writeValueAsString(figures));
        return 0;
    }

    /** One encode of a 1024 tile by the whole model, after a first one that warms it up. */
    private static double encoderSeconds() {
        try (SamModel whole = SamModel.random(SamConfig.vitBase(), 42)) {
            PreprocessedImage tile = BenchCommand.syntheticTile(1024, 1024);
            whole.encode(tile);
            long t = System.nanoTime();
            whole.encode(tile);
            return (System.nanoTime() - t) / 1e9;
        }
    }

    /** One epoch over {@code tiles} embeddings stored on disk, read per batch: resident memory as it goes. */
    private Map<String, Object> streamedEpoch(TrainingStep step, String fingerprint, Path scratch, Random random,
            float[] target) throws IOException {
        EmbeddingCache cache = new EmbeddingCache(scratch, fingerprint, 64L << 20);
        List<TileKey> keys = new ArrayList<>();
        ImageEmbedding base = randomEmbedding(random);
        float[] values = new float[base.values().length];
        for (int i = 0; i < tiles; i++) {
            // each tile's values rotated by its index: distinct files without a million random draws each
            int shift = i * 4099 % values.length;
            System.arraycopy(base.values(), shift, values, 0, values.length - shift);
            System.arraycopy(base.values(), 0, values, values.length - shift, shift);
            TileKey key = new TileKey(String.format("%064x", i));
            cache.store(key, new ImageEmbedding(values.clone(), 256, 64, base.original(), base.resized()));
            keys.add(key);
        }
        PeakMemory.reset();
        long startMegabytes = PeakMemory.residentMegabytes();
        long start = System.nanoTime();
        List<Prompt> box = List.of(Prompt.of(new Box(300, 200, 700, 800)));
        EmbeddingCache reader = new EmbeddingCache(scratch, fingerprint, 64L << 20);
        int batches = (tiles + batchSize - 1) / batchSize;
        BatchPrefetcher.Loader loader = b -> {
            List<TrainingExample> batch = new ArrayList<>();
            for (TileKey key : keys.subList(b * batchSize, Math.min(tiles, (b + 1) * batchSize))) {
                batch.add(new TrainingExample(key.sha256(), reader.load(key).orElseThrow(), box, target));
            }
            return batch;
        };
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(loader, batches)) {
            for (int b = 0; b < batches; b++) {
                step.run(prefetcher.take(b), 1e-5);
                int done = Math.min(tiles, (b + 1) * batchSize);
                if (done * 4 / tiles != b * batchSize * 4 / tiles) {
                    System.err.printf("epoch of %d streamed tiles: %d done, resident at most %.2f GB, Java heap at"
                            + " most %.2f GB%n", tiles, done, PeakMemory.residentMegabytes() / 1e3,
                            PeakMemory.heapMegabytes() / 1e3);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("epoch_tiles", tiles);
        figures.put("epoch_samples_per_s", BenchCommand.round(tiles / seconds, 2));
        long peakMegabytes = PeakMemory.residentMegabytes();
        figures.put("epoch_rss_start_gb", BenchCommand.round(startMegabytes / 1e3, 2));
        figures.put("epoch_rss_peak_gb", BenchCommand.round(peakMegabytes / 1e3, 2));
        System.err.printf("streamed epoch: %.1f samples/s, resident %.2f GB at start, %.2f GB at most%n",
                tiles / seconds, startMegabytes / 1e3, peakMegabytes / 1e3);
        return figures;
    }

    private double timeSteps(TrainingStep step, List<TrainingExample> batch) {
        step.run(batch, 1e-5); // warm-up
        step.run(batch, 1e-5);
        long t = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run(batch, 1e-5);
        }
        return (System.nanoTime() - t) / 1e9 / steps;
    }

    private List<TrainingExample> batch(ImageEmbedding embedding, float[] target, List<Prompt> prompts) {
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            batch.add(new TrainingExample("tile" + i, embedding, prompts, target));
        }
        return batch;
    }

    private static ImageEmbedding randomEmbedding(Random random) {
        float[] values = new float[256 * 64 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        ImageSize size = new ImageSize(1024, 1024);
        return new ImageEmbedding(values, 256, 64, size, size);
    }

    /** A river-like band across the low-resolution frame. */
    private static float[] target() {
        float[] target = new float[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                target[y * 256 + x] = Math.abs(x - y) < 30 ? 1f : 0f;
            }
        }
        return target;
    }
}

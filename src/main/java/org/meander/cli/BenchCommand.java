package org.meander.cli;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.TileKey;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.PreprocessedImage;
import org.meander.sam.Prompt;
import org.meander.sam.SamConfig;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.weights.SamLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./meander bench}: this machine's matrix-multiply rate, then SAM's image encoder and per-click decoder
 * against it, at ViT-B sizes with random weights unless a model folder is given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the encoder and the per-click decoder; ends with one JSON line of figures.",
                "With --tiling: cutting a large raster into tiles (time, peak memory) and opening a project of"
                        + " many tiles, instead."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR",
            description = "a SAM folder to measure instead of random ViT-B weights")
    Path model;

    @Option(names = "--clicks", paramLabel = "N",
            defaultValue = "50", description = "clicks to time (default ${DEFAULT-VALUE})")
    int clicks;

    @Option(names = "--encodes", paramLabel = "N",
            defaultValue = "3", description = "timed encodes after one warm-up (default ${DEFAULT-VALUE})")
    int encodes;

    @Option(names = "--tiling", description = "measure raster tiling and project opening instead of SAM")
    boolean tiling;

    @Option(names = "--raster-size", paramLabel = "PIXELS", defaultValue = "20000",
            description = "with --tiling: the raster's width and height (default ${DEFAULT-VALUE})")
    int rasterSize;

    @Option(names = "--open-tiles", paramLabel = "N", defaultValue = "10000",
            description = "with --tiling: tiles of the project to open (default ${DEFAULT-VALUE})")
    int openTiles;

    @Override
    public Integer call() throws IOException {
        if (tiling) {
            System.out.println(new ObjectMapper().writeValueAsString(TilingBench.run(rasterSize, openTiles)));
            return 0;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        MatrixRate rate = MatrixRate.measure();
        double gemm = rate.best();
        figures.put("gemm_gflops", round(gemm, 1));
        figures.put("gemm_blas_gflops", round(rate.blas(), 1));
        figures.put("gemm_onednn_gflops", round(rate.oneDnn(), 1));
        String preload = System.getenv("LD_PRELOAD");
        figures.put("allocator", preload == null || preload.isBlank() ? "glibc malloc" : preload);
        figures.put("device", Engine.getInstance().defaultDevice().toString());
        System.err.println("device: " + Engine.getInstance().defaultDevice());
        System.err.printf("float32 matrix multiply, 4096 x 2048 x 2048: %.1f GFLOP/s (BLAS %.1f, oneDNN %.1f)%n",
                gemm, rate.blas(), rate.oneDnn());

        try (SamModel sam = model == null ? SamModel.random(SamConfig.vitBase(), 42) : SamLoader.load(model)) {
            figures.put("model", model == null ? "random weights, facebook/sam-vit-base sizes" : model.toString());
            SamFlops flops = new SamFlops(sam.config());
            PreprocessedImage tile = syntheticTile(1024, 1024);

            sam.encode(tile);
            double[] encodeSeconds = new double[encodes];
            double[] encodeEfficiency = new double[encodes];
            double[] encodeEfficiencyBlas = new double[encodes];
            ImageEmbedding embedding = null;
            // a virtual machine's speed drifts with its neighbours' load: each encode is set against the matrix
            // rate measured just before and just after it
            MatrixRate before = MatrixRate.measure();
            for (int i = 0; i < encodes; i++) {
                long t = System.nanoTime();
                embedding = sam.encode(tile);
                encodeSeconds[i] = (System.nanoTime() - t) / 1e9;
                MatrixRate after = MatrixRate.measure();
                double gflops = flops.encoder() / encodeSeconds[i] / 1e9;
                encodeEfficiency[i] = gflops / ((before.best() + after.best()) / 2);
                encodeEfficiencyBlas[i] = gflops / ((before.blas() + after.blas()) / 2);
                before = after;
            }
            double encoder = median(encodeSeconds);
            double encoderEfficiency = median(encodeEfficiency);
            figures.put("encoder_s", round(encoder, 3));
            figures.put("encoder_gflop", round(flops.encoder() / 1e9, 1));
            figures.put("encoder_efficiency", round(encoderEfficiency, 3));
            // the yardstick until session 4, kept so that either reading of the target can be checked
            figures.put("encoder_efficiency_blas", round(median(encodeEfficiencyBlas), 3));
            System.err.printf("image encoder: %.2f s per 1024 tile, %.0f GFLOP, %.0f%% of the matrix rate around"
                    + " it, %.0f%% of the BLAS rate alone (median of %d encodes: %s)%n", encoder,
                    flops.encoder() / 1e9, 100 * encoderEfficiency, 100 * median(encodeEfficiencyBlas), encodes,
                    Arrays.toString(Arrays.stream(encodeSeconds).map(x -> round(x, 2)).toArray()));

            Random random = new Random(7);
            try (SamPredictor predictor = sam.predictor(embedding)) {
                // warm up: DJL's Java side of each operation is compiled by the JIT after a few dozen clicks
                for (int i = 0; i < 30; i++) {
                    predictor.predict(randomClick(random), true);
                }
                double[] decode = new double[clicks];
                double[] fullRes = new double[clicks];
                for (int i = 0; i < clicks; i++) {
                    Prompt click = randomClick(random);
                    long t0 = System.nanoTime();
                    Prediction p = predictor.predict(click, true);
                    long t1 = System.nanoTime();
                    p.mask(0, p.best(0));
                    long t2 = System.nanoTime();
                    decode[i] = (t1 - t0) / 1e6;
                    fullRes[i] = (t2 - t0) / 1e6;
                }
                double p50 = percentile(decode, 50);
                double clickFlops = flops.decoderClick(2);
                double decoderEfficiency = clickFlops / (p50 / 1e3) / 1e9 / gemm;
                figures.put("decoder_p50_ms", round(p50, 2));
                figures.put("decoder_p95_ms", round(percentile(decode, 95), 2));
                figures.put("decoder_gflop", round(clickFlops / 1e9, 2));
                figures.put("decoder_efficiency", round(decoderEfficiency, 3));
                figures.put("fullres_p50_ms", round(percentile(fullRes, 50), 2));
                figures.put("fullres_p95_ms", round(percentile(fullRes, 95), 2));
                System.err.printf("mask decoder, one point, multimask, %d clicks: p50 %.1f ms, p95 %.1f ms,"
                                + " %.2f GFLOP a click, %.0f%% of the matrix rate%n", clicks, p50,
                        percentile(decode, 95), clickFlops / 1e9, 100 * decoderEfficiency);
                System.err.printf("click to full-resolution mask (1024 x 1024, best candidate): p50 %.1f ms,"
                        + " p95 %.1f ms%n", percentile(fullRes, 50), percentile(fullRes, 95));
                double[] refine = refineClicks(predictor, random);
                figures.put("refine_p50_ms", round(percentile(refine, 50), 2));
                figures.put("refine_p95_ms", round(percentile(refine, 95), 2));
                System.err.printf("a second click refining the first's mask (two points and the low-resolution"
                        + " mask shown, as Annotate asks after its first click): p50 %.1f ms, p95 %.1f ms%n",
                        percentile(refine, 50), percentile(refine, 95));
            }
            // after the clicks, so that the first click after a warm open runs JIT-compiled code
            CacheFigures cache = CacheFigures.measure(sam, embedding);
            figures.put("cold_open_s", round(encoder + cache.storeMs() / 1e3, 3));
            figures.put("warm_open_ms", round(cache.warmMs(), 2));
            figures.put("hot_open_ms", round(cache.hotMs(), 4));
            figures.put("first_click_warm_ms", round(cache.firstClickMs(), 2));
            figures.put("cache_mb_per_tile", round(cache.fileBytes() / 1e6, 3));
            figures.put("cache_gb_per_1000_tiles", round(cache.fileBytes() * 1000 / 1e9, 3));
            System.err.printf("tile open: cold (encode and store) %.2f s, warm (from disk) %.1f ms, hot (from"
                            + " memory) %.3f ms; first click after a warm open %.1f ms; %.2f MB a tile on disk%n",
                    encoder + cache.storeMs() / 1e3, cache.warmMs(), cache.hotMs(), cache.firstClickMs(),
                    cache.fileBytes() / 1e6);

        }
        System.out.println(new ObjectMapper().writeValueAsString(figures));
        return 0;
    }

    /** The embedding cache's figures for one ViT-B embedding, in a temporary project folder. */
    record CacheFigures(double storeMs, double warmMs, double hotMs, double firstClickMs, long fileBytes) {

        static CacheFigures measure(SamModel sam, ImageEmbedding embedding) throws IOException {
            Path project = Files.createTempDirectory("meander-bench");
            try {
                TileKey key = new TileKey("0".repeat(64));
                EmbeddingCache cache = new EmbeddingCache(project, sam.encoderFingerprint(), 64L << 20);
                long t0 = System.nanoTime();
                cache.store(key, embedding);
                double store = (System.nanoTime() - t0) / 1e6;
                double[] warm = new double[7];
                double[] firstClick = new double[7];
                for (int i = 0; i < warm.length; i++) {
                    EmbeddingCache fresh = new EmbeddingCache(project, sam.encoderFingerprint(), 64L << 20);
                    long t = System.nanoTime();
                    ImageEmbedding loaded = fresh.load(key).orElseThrow();
                    long t1 = System.nanoTime();
                    try (SamPredictor predictor = sam.predictor(loaded)) {
                        predictor.predict(Prompt.of(new Point(512, 512, Point.POSITIVE)), true);
                    }
                    warm[i] = (t1 - t) / 1e6;
                    firstClick[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] hot = new double[200];
                for (int i = 0; i < hot.length; i++) {
                    long t = System.nanoTime();
                    cache.load(key).orElseThrow();
                    hot[i] = (System.nanoTime() - t) / 1e6;
                }
                long bytes = Files.size(cache.directory().resolve(key.sha256() + ".safetensors"));
                return new CacheFigures(store, median(warm), median(hot), median(firstClick), bytes);
            } finally {
                ScratchFolder.delete(project);
            }
        }
    }

    /**
     * Annotate's clicks after the first: the prompt's points and the mask shown, fed back as mask input. Timed over
     * {@code clicks} second clicks, each after a first click of its own (untimed), after a warm-up.
     */
    private double[] refineClicks(SamPredictor predictor, Random random) {
        double[] refine = new double[clicks];
        for (int i = -10; i < clicks; i++) {
            Prompt first = randomClick(random);
            Prediction answer = predictor.predict(first, true);
            Prompt second = new Prompt(List.of(first.points().get(0),
                    new Point(random.nextInt(1024), random.nextInt(1024), Point.NEGATIVE)), null);
            long t0 = System.nanoTime();
            predictor.predict(List.of(second), answer.lowRes(0, answer.best(0)), true);
            if (i >= 0) {
                refine[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return refine;
    }

    private static Prompt randomClick(Random random) {
        return Prompt.of(new Point(random.nextInt(1024), random.nextInt(1024), Point.POSITIVE));
    }

    /** A 1024 x 1024 tile of smooth synthetic texture, already normalised (the encoder's cost ignores content). */
    static PreprocessedImage syntheticTile(int height, int width) {
        float[] pixels = new float[3 * 1024 * 1024];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        ImageSize size = new ImageSize(height, width);
        return new PreprocessedImage(pixels, size, size, 1024);
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.meander.project.ImageHeader;
import org.meander.project.LabelMask;
import org.meander.project.LabelPng;
import org.meander.project.StrictImage;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandStretch;
import org.meander.project.raster.TileImagery;
import org.meander.sam.Box;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.weights.NpyFile;
import org.meander.weights.SamLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./meander segment}: one image, one prompt, no window. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment one image with a prompt; prints one JSON line with IoU scores and timings.")
final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR",
            required = true, description = "Hugging Face SAM folder (config.json, model.safetensors)")
    Path model;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "the image (PNG, JPEG, ...)")
    Path image;

    @Option(names = "--point", paramLabel = "x,y,label", converter = PointOption.class,
            description = "x,y,label in image pixels; label 1 positive, 0 negative (repeatable)")
    List<Point> points = new ArrayList<>();

    @Option(names = "--box", paramLabel = "x0,y0,x1,y1",
            converter = BoxOption.class, description = "x0,y0,x1,y1 in image pixels")
    Box box;

    @Option(names = "--bands", paramLabel = "R,G,B", description = "bands (numbered from 1) that make the RGB SAM"
            + " sees (default: those the image names red, green and blue, else 1,2,3); 16-bit and floating-point"
            + " bands are stretched between their 2nd and 98th percentiles, as a project tile of the image is made")
    String bands;

    @Option(names = "--multimask", description = "three candidate masks; --out writes the best one")
    boolean multimask;

    @Option(names = "--out", paramLabel = "mask.png", description = "mask PNG at the image's size, 0/255")
    Path out;

    @Option(names = "--logits", paramLabel = "FILE.npy",
            description = "low-resolution logits (1,K,256,256) as float32 .npy")
    Path logits;

    @Option(names = "--embedding", paramLabel = "FILE.npy", description = "image embedding (1,C,64,64) as float32 .npy")
    Path embedding;

    @Override
    public Integer call() throws IOException {
        if (points.isEmpty() && box == null) {
            throw new IllegalArgumentException("give at least one --point x,y,label or a --box x0,y0,x1,y1");
        }
        OutputFile.check("--out", out);
        OutputFile.check("--logits", logits);
        OutputFile.check("--embedding", embedding);
        BufferedImage picture = samPicture(readImage(image));
        requireInside(picture.getWidth(), picture.getHeight());
        Map<String, Object> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (SamModel sam = SamLoader.load(model)) {
            long t1 = System.nanoTime();
            ImageEmbedding encoded = sam.encode(picture);
            long t2 = System.nanoTime();
            try (SamPredictor predictor = sam.predictor(encoded)) {
                Prediction prediction = predictor.predict(List.of(new Prompt(points, box)), null, multimask);
                long t3 = System.nanoTime();
                int best = prediction.best(0);
                byte[] mask = prediction.mask(0, best);
                long t4 = System.nanoTime();
                timings.put("load_ms", millis(t0, t1));
                timings.put("encode_ms", millis(t1, t2));
                timings.put("decode_ms", millis(t2, t3));
                timings.put("postprocess_ms", millis(t3, t4));
                if (out != null) {
                    LabelPng.write(out, new LabelMask(encoded.original().width(), encoded.original().height(), mask));
                }
                if (logits != null) {
                    NpyFile.write(logits, new long[] {1, prediction.candidates(), prediction.size(), prediction.size()},
                            prediction.lowResLogits());
                }
                if (embedding != null) {
                    NpyFile.write(embedding, new long[] {1, encoded.channels(), encoded.side(), encoded.side()},
                            encoded.values());
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("iou_scores", prediction.iouScores());
                result.put("best", best);
                result.put("mask_fraction", fraction(mask));
                result.put("width", encoded.original().width());
                result.put("height", encoded.original().height());
                result.put("timings", timings);
                System.out.println(new ObjectMapper().writeValueAsString(result));
            }
        }
        return 0;
    }

    /**
     * The picture SAM is shown: an 8-bit picture as it is (read as Pillow reads it, so that the outputs are
     * transformers'), other imagery as a project tile of it is made: of its chosen bands, 16-bit and floating-point
     * samples stretched (Pillow would keep a 16-bit sample's high byte, a picture near black); what was done is said
     * on stderr.
     */
    private BufferedImage samPicture(BufferedImage decoded) throws IOException {
        ImageHeader header = ImageHeader.of(image);
        BandChoice named = BandChoice.of(header.bandNames());
        BandChoice choice;
        try {
            choice = bands != null ? BandChoice.parse(bands, null)
                    : new BandChoice(named.red(), named.green(), named.blue(), OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TileImagery tile;
        try {
            tile = TileImagery.of(decoded, TileImagery.displayable(image), choice, header.noData());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(image + ": " + e.getMessage(), e);
        }
        if (tile.converted().isEmpty()) {
            return decoded;
        }
        List<String> done = new ArrayList<>();
        if (!choice.isDefaultRgb()) {
            done.add("bands " + choice.rgbText() + " as red, green and blue" + (bands == null
                    ? " (as it names them: " + header.bandNames().text() + ")" : ""));
        }
        tile.radiometry().ifPresent(radiometry -> done.add(stretchText(radiometry.stretch())));
        if (!done.isEmpty()) {
            System.err.println(image + ": " + String.join(", ", done) + ", as a project tile of it is made");
        }
        return tile.converted().get();
    }

    private static String stretchText(BandStretch stretch) {
        String[] colours = {"red", "green", "blue"};
        List<String> ranges = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            ranges.add(colours[c] + " " + level(stretch.low()[c]) + " to " + level(stretch.high()[c]));
        }
        return "stretched to 8 bits between their 2nd and 98th percentiles (" + String.join(", ", ranges) + ")";
    }

    /** An integer level as it is (753), a reflectance to four digits (0.1234). */
    private static String level(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Points and box lie within the image, its edges included: one outside it is a mistake, not a prompt. */
    private void requireInside(int width, int height) {
        for (Point p : points) {
            if (!inside(p.x(), width) || !inside(p.y(), height)) {
                throw outside("--point " + number(p.x()) + "," + number(p.y()) + "," + p.label(), width, height);
            }
        }
        if (box != null && !(inside(box.x0(), width) && inside(box.x1(), width) && inside(box.y0(), height)
                && inside(box.y1(), height))) {
            throw outside("--box " + number(box.x0()) + "," + number(box.y0()) + "," + number(box.x1()) + ","
                    + number(box.y1()), width, height);
        }
    }

    private static boolean inside(double coordinate, int size) {
        return coordinate >= 0 && coordinate <= size;
    }

    private IllegalArgumentException outside(String option, int width, int height) {
        return new IllegalArgumentException(option + " lies outside " + image + " (" + width + " x " + height
                + " pixels): give x from 0 to " + width + " and y from 0 to " + height + ", in the image's own"
                + " pixels");
    }

    /** As typed: 700.5 stays 700.5, 300 stays 300. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static BufferedImage readImage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such image file");
        }
        try {
            return StrictImage.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static double millis(long from, long to) {
        return Math.round((to - from) / 1e4) / 100.0;
    }

    private static double fraction(byte[] mask) {
        long on = 0;
        for (byte b : mask) {
            on += b;
        }
        return (double) on / mask.length;
    }
}

package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.Box;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.Point;
import org.meander.sam.Prediction;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.testing.Fixtures;
import org.meander.testing.GdalStyleTiff;
import org.meander.testing.TestRasters;
import org.meander.weights.FloatTensor;
import org.meander.weights.NpyFile;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SamLoader;

/**
 * {@code meander segment} end to end on the tiny fixture: the command encodes the image itself, so its outputs are
 * checked against transformers' reference and against the Java API given the same prompt; bad input ends with a
 * non-zero exit code and one line on stderr that names the problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentCommandTest {

    private static final Path MODEL = Fixtures.model("tiny");
    private static final Path IMAGE = Fixtures.fixture("tiny").resolve("images").resolve("river_a.png");
    private static final Path REFERENCE = Fixtures.fixture("tiny").resolve("reference_river_a.safetensors");
    /** The fixtures README's tolerance for tiny's logits. */
    private static final double LOGIT_TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    /** The Java API's view of the same image, to compare the command's outputs with. */
    private SamModel model;
    private SamPredictor predictor;

    @BeforeAll
    void encodeWithTheJavaApi() throws IOException {
        model = SamLoader.load(MODEL);
        ImageEmbedding embedding = model.encode(ImageIO.read(IMAGE.toFile()));
        predictor = model.predictor(embedding);
    }

    @AfterAll
    void close() {
        predictor.close();
        model.close();
    }

    @Test
    void pointWithMultimaskWritesMaskLogitsAndEmbedding() throws IOException {
        Path mask = dir.resolve("mask.png");
        Path logits = dir.resolve("l.npy");
        Path embedding = dir.resolve("e.npy");
        Result run = segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "512,300,1",
                "--multimask", "--out", mask.toString(), "--logits", logits.toString(),
                "--embedding", embedding.toString());

        assertEquals(0, run.exitCode, run.err);
        JsonNode json = run.json();
        assertEquals(3, json.path("iou_scores").size(), json.toString());
        int best = json.path("best").asInt(-1);
        assertEquals(1024, json.path("width").asInt());
        assertEquals(640, json.path("height").asInt());
        for (String step : List.of("load_ms", "encode_ms", "decode_ms", "postprocess_ms")) {
            assertTrue(json.path("timings").path(step).isNumber(), step + " in " + json);
        }

        Prediction expected = predictor.predict(Prompt.of(new Point(512, 300, Point.POSITIVE)), true);
        assertEquals(expected.best(0), best);
        assertArrayEquals(expected.iouScores(), floats(json.path("iou_scores")), (float) LOGIT_TOLERANCE);
        assertMaskPng(mask, expected.mask(0, best));

        FloatTensor writtenLogits = NpyFile.read(logits);
        assertArrayEquals(new long[] {1, 3, 256, 256}, writtenLogits.shape());
        assertWithin(referenceTensor("point1_multi/pred_masks"), writtenLogits.data(), "logits vs transformers");
        assertWithin(referenceTensor("point1_multi/iou_scores"), floats(json.path("iou_scores")),
                "IoU vs transformers");

        FloatTensor writtenEmbedding = NpyFile.read(embedding);
        assertArrayEquals(new long[] {1, 32, 64, 64}, writtenEmbedding.shape());
        assertWithin(referenceTensor("image_embeddings"), writtenEmbedding.data(), "embedding vs transformers");
    }

    @Test
    void boxAloneGivesOneMask() throws IOException {
        Path mask = dir.resolve("box.png");
        Path logits = dir.resolve("box.npy");
        Result run = segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--box", "40,150,1000,520",
                "--out", mask.toString(), "--logits", logits.toString());

        assertEquals(0, run.exitCode, run.err);
        assertEquals(1, run.json().path("iou_scores").size(), run.out);
        assertEquals(0, run.json().path("best").asInt(-1));
        FloatTensor writtenLogits = NpyFile.read(logits);
        assertArrayEquals(new long[] {1, 1, 256, 256}, writtenLogits.shape());
        assertWithin(referenceTensor("box_single/pred_masks"), writtenLogits.data(), "box logits vs transformers");
        Prediction expected = predictor.predict(Prompt.of(new Box(40, 150, 1000, 520)), false);
        assertMaskPng(mask, expected.mask(0, 0));
    }

    /** Points are image pixels, not integers: a fraction must reach the model, not be rounded or refused. */
    @Test
    void pointsMayHaveDecimals() throws IOException {
        Result run = segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "700.75,80.5,1",
                "--point", "512.25,300.5,0");

        assertEquals(0, run.exitCode, run.err);
        float[] scores = floats(run.json().path("iou_scores"));
        float[] exact = predictor.predict(Prompt.of(new Point(700.75, 80.5, 1), new Point(512.25, 300.5, 0)), false)
                .iouScores();
        float[] rounded = predictor.predict(Prompt.of(new Point(701, 81, 1), new Point(512, 301, 0)), false)
                .iouScores();
        assertNotEquals(exact[0], rounded[0], "the prompt should be sensitive to a fraction of a pixel");
        assertArrayEquals(exact, scores, 1e-6f);
    }

    @Test
    void noPromptIsRefused() {
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString()), "--point", "--box");
    }

    @Test
    void pointWithoutLabelIsRefused() {
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "1,2"),
                "'1,2'", "x,y,label");
    }

    @Test
    void pointWithUnknownLabelIsRefused() {
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "1,2,7"),
                "'1,2,7'", "label must be 1");
    }

    /** Prompts are in the image's own pixels: one outside it is a mistake (another frame, x and y swapped). */
    @Test
    void promptsOutsideTheImageAreRefused() {
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "300,200,1",
                "--point", "700.5,900,0"), "--point 700.5,900,0", "1024 x 640");
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--box", "-5,150,1000,520"),
                "--box -5,150,1000,520", "1024 x 640");
    }

    @Test
    void promptsOnTheImagesEdgesAreTaken() {
        Result run = segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "1024,640,1",
                "--box", "0,0,1024,640");
        assertEquals(0, run.exitCode, run.err);
    }

    /** Checked before the model loads and the image is encoded: a typo in a path should not cost an encode. */
    @Test
    void outputsThatCannotBeWrittenAreNamedByTheirOption() throws IOException {
        Path nowhere = dir.resolve("no-such-folder/mask.png");
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "5,5,1",
                "--out", nowhere.toString()), "--out " + nowhere, "does not exist");
        Path folder = Files.createDirectories(dir.resolve("logits"));
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "5,5,1",
                "--logits", folder.toString()), "--logits " + folder, "is a folder");
    }

    @Test
    void missingImageIsNamed() {
        Path absent = dir.resolve("absent.png");
        assertRefused(segment("--model", MODEL.toString(), "--image", absent.toString(), "--point", "5,5,1"),
                absent.toString(), "no such image");
    }

    @Test
    void fileThatIsNotAnImageIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertRefused(segment("--model", MODEL.toString(), "--image", text.toString(), "--point", "5,5,1"),
                text.toString(), "not a PNG, JPEG, TIFF or BMP image");
    }

    /** A BigTIFF of 16-bit samples with horizontal differencing, which Java's TIFF reader cannot decode. */
    @Test
    void segmentsABigTiff() throws IOException {
        Path big = Files.write(dir.resolve("orthomosaic.tif"), GdalStyleTiff.write(64, 48, true));
        Result r = segment("--model", MODEL.toString(), "--image", big.toString(), "--point", "5,5,1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(64, json.get("width").asInt());
        assertEquals(48, json.get("height").asInt());
    }

    /**
     * A 16-bit multispectral stack is shown to SAM as a project tile of it is made (its bands as it names them,
     * stretched), not as Pillow reads it (a 16-bit sample's high byte: a picture near black): its embedding is that
     * of the tile project create makes of it.
     */
    @Test
    void aSixteenBitStackIsSegmentedAsItsProjectTileIs() throws IOException {
        BufferedImage river = ImageIO.read(IMAGE.toFile());
        // blue, green, red and near-infrared, as MicaSense stores them, at 12-bit levels
        WritableRaster stack = TestRasters.raster(river.getWidth(), river.getHeight(), 4, 16,
                (x, y, band) -> band == 3 ? 3000 : 300 + 12 * river.getRaster().getSample(x, y, 2 - band));
        Path images = Files.createDirectories(dir.resolve("stacks"));
        Path tiff = TestRasters.tiff(images.resolve("stack.tif"), stack, 0,
                List.of(TestRasters.bandNames("Blue", "Green", "Red", "NIR")));
        Path embedding = dir.resolve("stack.npy");
        Result run = segment("--model", MODEL.toString(), "--image", tiff.toString(), "--point", "512,300,1",
                "--embedding", embedding.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("bands 3,2,1 as red, green and blue (as it names them: "), run.err());
        assertTrue(run.err().contains("stretched to 8 bits between their 2nd and 98th percentiles"), run.err());

        Path project = dir.resolve("stack-project");
        assertEquals(0, Main.run("project", "create", project.toString(), "--images", images.toString()));
        ImageEmbedding tile = model.encode(ImageIO.read(project.resolve("tiles").resolve("stack.png").toFile()));
        assertArrayEquals(tile.values(), NpyFile.read(embedding).data());
    }

    @Test
    void badBandsAreRefused() {
        assertRefused(segment("--model", MODEL.toString(), "--image", IMAGE.toString(), "--point", "5,5,1",
                "--bands", "3,2"), "--bands 3,2", "three band numbers");
    }

    @Test
    void modelFolderWithoutConfigIsNamed() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("model"));
        Files.copy(MODEL.resolve("model.safetensors"), empty.resolve("model.safetensors"));
        assertRefused(segment("--model", empty.toString(), "--image", IMAGE.toString(), "--point", "5,5,1"),
                empty.toString(), "config.json");
    }

    /** Failure: a non-zero exit, nothing on stdout, and the problem named on stderr's first line, no stack trace. */
    private static void assertRefused(Result run, String... named) {
        assertNotEquals(0, run.exitCode, run.out);
        assertEquals("", run.out, "stdout is for the JSON result only");
        String first = run.err.lines().findFirst().orElse("");
        for (String part : named) {
            assertTrue(first.contains(part), () -> "expected '" + part + "' in the first line of: " + run.err);
        }
        assertFalse(run.err.contains("\tat ") || run.err.contains("Exception"), "a stack trace: " + run.err);
    }

    /** mask.png: 8-bit grayscale at the image's size, 0 or 255, and on where the Java API's mask is on. */
    private static void assertMaskPng(Path png, byte[] expected) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        assertEquals(8, image.getColorModel().getPixelSize());
        assertEquals(1024, image.getWidth());
        assertEquals(640, image.getHeight());
        int[] samples = image.getRaster().getPixels(0, 0, 1024, 640, (int[]) null);
        int on = 0;
        for (int i = 0; i < samples.length; i++) {
            assertTrue(samples[i] == 0 || samples[i] == 255, "pixel " + i + " is " + samples[i]);
            assertEquals(expected[i] != 0 ? 255 : 0, samples[i], "pixel " + i);
            on += samples[i] / 255;
        }
        // an all-black or all-white mask would make the comparison above weak
        assertTrue(on > 0 && on < samples.length, on + " pixels on");
    }

    private static void assertWithin(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(max < LOGIT_TOLERANCE, what + ": max |diff| " + max);
    }

    private static float[] referenceTensor(String name) throws IOException {
        try (SafetensorsFile reference = SafetensorsFile.open(REFERENCE)) {
            return reference.readFloats("tiny/river_a/" + name);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    /** Runs {@code meander segment ...} in this JVM with stdout and stderr captured. */
    private static Result segment(String... args) {
        List<String> all = new ArrayList<>(List.of("segment"));
        all.addAll(List.of(args));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = Main.run(all.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {

        /** The one JSON line the command prints on success. */
        JsonNode json() throws IOException {
            List<String> lines = out.lines().toList();
            assertEquals(1, lines.size(), "one line on stdout: " + out);
            return new ObjectMapper().readTree(lines.get(0));
        }
    }
}

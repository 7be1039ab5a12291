package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.embed.EmbeddingCache;
import org.meander.testing.Fixtures;
import org.meander.weights.SamLoader;

/** {@code meander embed} on a project of three real tiles with the tiny model. */
class EmbedCommandTest {

    static final Path MODEL = Fixtures.model("tiny");

    @TempDir
    Path project;

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            List<String> lines = out.lines().toList();
            assertEquals(1, lines.size(), "one JSON line on stdout: " + out);
            return new ObjectMapper().readTree(lines.get(0));
        }
    }

    static Result embed(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "embed";
        System.arraycopy(args, 0, all, 1, args.length);
        return runCapturing(all);
    }

    /** Runs any meander command line, capturing stdout and stderr. */
    static Result runCapturing(String... all) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(all);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void threeTiles() throws IOException {
        Path tiles = Files.createDirectories(project.resolve("tiles"));
        Path images = Fixtures.fixture("tiny").resolve("images");
        Files.copy(images.resolve("river_a.png"), tiles.resolve("river_a.png"));
        Files.copy(images.resolve("river_b.png"), tiles.resolve("river_b.png"));
        Files.copy(Fixtures.shared().resolve("data/elwha-airborne/airborne_1.png"), tiles.resolve("airborne_1.png"));
    }

    /** The last state the bar drew: what follows the last carriage return. */
    static String lastBar(String err) {
        return err.substring(err.lastIndexOf('\r') + 1);
    }

    @Test
    void encodesEveryTileThenFindsThemInTheCache() throws IOException {
        Result first = embed("--project", project.toString(), "--model", MODEL.toString());
        assertEquals(0, first.exit(), first.err());
        JsonNode json = first.json();
        assertEquals(3, json.get("tiles").asInt());
        assertEquals(3, json.get("encoded").asInt());
        assertEquals(0, json.get("from_cache").asInt());
        assertTrue(json.get("seconds").isNumber() && json.get("seconds").asDouble() >= 0, json.toString());
        assertTrue(json.get("failed") == null, json.toString());
        assertTrue(lastBar(first.err()).contains("] 3/3"), "the bar ends at 3/3: " + first.err());
        assertTrue(first.err().endsWith("\n"), "the bar's line is ended: " + first.err().replace("\r", "\\r"));

        String fingerprint;
        try (var model = SamLoader.load(MODEL)) {
            fingerprint = model.encoderFingerprint();
        }
        Path folder = project.resolve("cache").resolve("embeddings").resolve(fingerprint);
        try (var files = Files.list(folder)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".safetensors")).count());
        }

        Result second = embed("--project", project.toString(), "--model", MODEL.toString());
        assertEquals(0, second.exit(), second.err());
        JsonNode again = second.json();
        assertEquals(3, again.get("tiles").asInt());
        assertEquals(0, again.get("encoded").asInt());
        assertEquals(3, again.get("from_cache").asInt());
        assertTrue(lastBar(second.err()).contains("] 3/3"), second.err());
    }

    /** As the project commands take it: the folder first, without --project. */
    @Test
    void theProjectFolderMayComeFirstWithoutItsOption() throws IOException {
        Result r = embed(project.toString(), "--model", MODEL.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.json().get("encoded").asInt());

        Result both = embed(project.toString(), "--project", project.resolve(".").toString(), "--model", MODEL.toString());
        assertEquals(0, both.exit(), "the same folder twice: " + both.err());
        assertEquals(3, both.json().get("from_cache").asInt());
    }

    @Test
    void twoProjectFoldersOrNoneAreUsageErrors() {
        Path other = project.resolve("elsewhere");
        Result two = embed(project.toString(), "--project", other.toString(), "--model", MODEL.toString());
        assertEquals(2, two.exit());
        assertEquals("", two.out());
        assertTrue(two.err().startsWith("Two project folders: DIR " + project + " and --project " + other), two.err());

        Result none = embed("--model", MODEL.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("Missing the project folder: give it as DIR"), none.err());
    }

    @Test
    void aProjectWithoutTilesIsAOneLineError() throws IOException {
        Path empty = Files.createDirectories(project.resolve("elsewhere"));
        Result r = embed("--project", empty.toString(), "--model", MODEL.toString());
        assertNotEquals(0, r.exit());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(empty.toString()) && lines.get(0).contains("tiles"), r.err());
    }

    @Test
    void aTileThatIsNotAnImageFailsAndTheOthersAreCached() throws IOException {
        Path bad = Files.writeString(project.resolve("tiles").resolve("x.png"), "this is text, not a PNG");
        Result r = embed("--project", project.toString(), "--model", MODEL.toString());
        assertNotEquals(0, r.exit());
        JsonNode json = r.json();
        assertEquals(4, json.get("tiles").asInt());
        assertEquals(3, json.get("encoded").asInt());
        assertEquals(1, json.get("failed").asInt());
        assertTrue(json.get("last_error").asText().contains(bad.toString()), json.toString());
        assertTrue(lastBar(r.err()).contains("] 4/4") && lastBar(r.err()).contains("1 failed"), r.err());

        Result second = embed("--project", project.toString(), "--model", MODEL.toString());
        JsonNode again = second.json();
        assertEquals(3, again.get("from_cache").asInt(), again.toString());
        assertEquals(0, again.get("encoded").asInt());
        assertEquals(1, again.get("failed").asInt());
    }

    @Test
    void cacheFolderIsKeyedByTheModel() throws IOException {
        Result r = embed("--project", project.toString(), "--model", MODEL.toString());
        assertEquals(0, r.exit(), r.err());
        try (var model = SamLoader.load(MODEL)) {
            EmbeddingCache cache = new EmbeddingCache(project, model.encoderFingerprint(), 0);
            for (String name : List.of("river_a.png", "river_b.png", "airborne_1.png")) {
                assertTrue(cache.load(cache.keyOf(project.resolve("tiles").resolve(name))).isPresent(), name);
            }
        }
    }
}

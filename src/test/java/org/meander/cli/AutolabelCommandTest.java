package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.cli.EmbedCommandTest.Result;
import org.meander.project.LabelMask;
import org.meander.project.LabelPng;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.testing.Fixtures;
import org.meander.testing.RiverTiles;

/**
 * {@code meander autolabel} with the tiny model on a project of five tiles: two unlabelled rivers, a river with an
 * imported label, a forest without water, and a file that is not an image.
 */
class AutolabelCommandTest {

    private static final String MODEL = Fixtures.model("tiny").toString();

    @TempDir
    Path project;

    private LabelMask imported;

    @BeforeEach
    void fiveTiles() throws IOException {
        RiverTiles.tile(project, "river_a", true);
        RiverTiles.tile(project, "river_b", true);
        RiverTiles.tile(project, "river_labelled", true);
        RiverTiles.tile(project, "forest", false);
        Files.writeString(project.resolve("tiles/broken.png"), "this is text, not a PNG");
        imported = new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE, new byte[RiverTiles.SIZE * RiverTiles.SIZE]);
        LabelPng.write(Files.createDirectories(project.resolve("labels")).resolve("river_labelled.png"), imported);
    }

    @Test
    void labelsWhatItCanAndReportsTheRest() throws IOException {
        Result run = autolabel("--project", project.toString(), "--model", MODEL);

        assertEquals(1, run.exit(), "a failed tile makes the exit code 1: " + run.err());
        JsonNode json = run.json();
        assertEquals(5, json.get("tiles").asInt());
        assertEquals(2, json.get("labelled").asInt(), json.toString());
        assertEquals(1, json.get("skipped").asInt());
        assertEquals(1, json.get("empty").asInt());
        assertEquals(1, json.get("failed").asInt());
        assertTrue(json.get("seconds").isNumber());

        String bar = EmbedCommandTest.lastBar(run.err());
        assertTrue(run.err().contains("] 5/5"), "the bar reaches 5/5: " + run.err());
        assertTrue(run.err().contains(project.resolve("tiles/broken.png").toString()), run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("forest: empty")), run.err());
        assertFalse(bar.contains("river_a"), "labelled tiles are not reported one by one: " + bar);

        Project opened = Project.open(project);
        Map<String, Tile> tiles = byName(opened);
        assertEquals(LabelStatus.PREDICTED, opened.status(tiles.get("river_a")));
        assertEquals(LabelStatus.PREDICTED, opened.status(tiles.get("river_b")));
        assertEquals(LabelStatus.IMPORTED, opened.status(tiles.get("river_labelled")));
        assertEquals(imported, opened.readLabel(tiles.get("river_labelled")).orElseThrow());
        assertEquals(LabelStatus.NONE, opened.status(tiles.get("forest")));
        assertEquals(LabelStatus.NONE, opened.status(tiles.get("broken")));
    }

    @Test
    void aDryRunSaysWhatLabellingWouldDoAndWritesNoLabel() throws IOException {
        Result run = autolabel("--project", project.toString(), "--model", MODEL, "--dry-run");

        JsonNode json = run.json();
        assertEquals(2, json.get("labelled").asInt(), "the tiles that would be labelled: " + json);
        assertEquals(1, json.get("skipped").asInt());
        assertEquals(1, json.get("empty").asInt());
        assertTrue(json.get("dry_run").asBoolean());
        assertTrue(run.err().lines().anyMatch(line -> line.matches(
                "river_a: would be labelled, rough mask 2[0-9.]+% water, SAM's mask [0-9.]+%")), run.err());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("river_labelled: skipped, already has a"
                + " label")), run.err());
        Project opened = Project.open(project);
        for (Tile tile : opened.tiles()) {
            assertEquals(tile.name().equals("river_labelled") ? LabelStatus.IMPORTED : LabelStatus.NONE,
                    opened.status(tile), tile.name());
        }
        assertEquals(imported, opened.readLabel(byName(opened).get("river_labelled")).orElseThrow());
    }

    @Test
    void aSecondRunSkipsWhatTheFirstLabelledAndOverwriteRedoesEverything() throws IOException {
        autolabel("--project", project.toString(), "--model", MODEL);

        JsonNode again = autolabel("--project", project.toString(), "--model", MODEL).json();
        assertEquals(0, again.get("labelled").asInt());
        assertEquals(3, again.get("skipped").asInt(), again.toString());

        JsonNode overwrite = autolabel("--project", project.toString(), "--model", MODEL, "--overwrite", "--box",
                "--points", "2,2").json();
        assertEquals(3, overwrite.get("labelled").asInt(), overwrite.toString());
        Project opened = Project.open(project);
        Tile labelled = byName(opened).get("river_labelled");
        assertEquals(LabelStatus.PREDICTED, opened.status(labelled));
        assertEquals(imported, opened.originalLabel(labelled).orElseThrow());
    }

    @Test
    void theWaterIndexSourceAndTheSplitChooseTheTiles() throws IOException {
        RiverTiles.nearInfrared(project, "river_a");
        Project opened = Project.open(project);
        for (Tile tile : opened.tiles()) {
            opened.setSplit(tile, tile.name().equals("river_a") || tile.name().equals("river_b")
                    ? Split.VALIDATION : Split.TRAIN);
        }

        Result run = autolabel("--project", project.toString(), "--model", MODEL, "--source", "ndwi", "--split",
                "validation");

        JsonNode json = run.json();
        assertEquals(2, json.get("tiles").asInt(), json.toString());
        assertEquals(1, json.get("labelled").asInt(), json.toString());
        assertEquals(1, json.get("failed").asInt(), "river_b has no near-infrared band");
        assertTrue(run.err().contains(project.resolve("nir/river_b.png").toString()), run.err());
    }

    /**
     * A run's tuned decoder labels without being exported first: a run trained hard on the one labelled tile (its
     * river labelled as nothing) labels the other rivers otherwise than the base model.
     */
    @Test
    void aFineTuningRunsDecoderLabelsInsteadOfTheBaseOne() throws IOException {
        Project opened = Project.open(project);
        for (Tile tile : opened.tiles()) {
            opened.setSplit(tile, tile.name().equals("river_labelled") ? Split.TRAIN : Split.TEST);
        }
        Path config = Files.writeString(project.resolveSibling(project.getFileName() + "-settings.json"),
                "{\"learningRate\": 0.01, \"promptType\": \"BOX\", \"warmupSteps\": 1}");
        Result trained = EmbedCommandTest.runCapturing("train", "--project", project.toString(), "--model", MODEL,
                "--run", "r1", "--config", config.toString(), "--epochs", "3", "--batch-size", "1");
        assertEquals(0, trained.exit(), trained.err());

        Result base = autolabel("--project", project.toString(), "--model", MODEL, "--split", "test");
        Map<String, LabelMask> baseLabels = labels(Project.open(project));
        Result tuned = autolabel("--project", project.toString(), "--run", "r1", "--checkpoint", "last",
                "--split", "test", "--overwrite");

        assertEquals(2, base.json().get("labelled").asInt(), base.err());
        assertEquals(2, tuned.json().get("labelled").asInt(), tuned.err());
        assertNotEquals(baseLabels, labels(Project.open(project)), "the tuned decoder labels otherwise");
        Project relabelled = Project.open(project);
        assertEquals("model tuned by r1 (last checkpoint)",
                relabelled.predictedBy(relabelled.tile("river_a").orElseThrow()).orElseThrow(), "the label says so");
        Result mismatched = autolabel("--project", project.toString(), "--run", "r1", "--model",
                project.resolve("elsewhere").toString());
        assertEquals(2, mismatched.exit());
        assertTrue(mismatched.err().contains("run r1 fine-tuned the decoder of"), mismatched.err());
        Result neither = autolabel("--project", project.toString());
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("--model DIR, or --run NAME"), neither.err());
    }

    private static Map<String, LabelMask> labels(Project opened) throws IOException {
        Map<String, LabelMask> labels = new TreeMap<>();
        for (Tile tile : opened.tiles()) {
            opened.readLabel(tile).ifPresent(label -> labels.put(tile.name(), label));
        }
        return labels;
    }

    @Test
    void aPromptOfNothingIsRefused() {
        Result run = autolabel("--project", project.toString(), "--model", MODEL, "--points", "0,0");

        assertNotEquals(0, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--points 0,0") && run.err().contains("--box"), run.err());
        assertFalse(Files.exists(project.resolve("labels/river_a.png")));
    }

    @Test
    void badPointCountsAndSplitsAreNamed() {
        Result points = autolabel("--project", project.toString(), "--model", MODEL, "--points", "3");
        assertNotEquals(0, points.exit());
        assertTrue(points.err().contains("'3'") && points.err().contains("P,N"), points.err());

        Result split = autolabel("--project", project.toString(), "--model", MODEL, "--split", "holdout");
        assertNotEquals(0, split.exit());
        assertTrue(split.err().contains("holdout") && split.err().contains("validation"), split.err());
    }

    /**
     * Real frames: Elwha frame 1 shows the river mouth, frame 7 forest and houses. Their near-infrared frames are
     * colour-mapped, not reflectances, so McFeeters' 0 takes forest for water; their threshold finds the water.
     */
    @Test
    void theWaterIndexThresholdSuitsTheBand(@TempDir Path elwha) throws IOException {
        Path frames = Fixtures.shared().resolve("data/elwha-airborne");
        Path images = Files.createDirectories(elwha.resolve("images"));
        Path nir = Files.createDirectories(elwha.resolve("nir"));
        for (int frame : new int[] {1, 7}) {
            Files.copy(frames.resolve("airborne_" + frame + ".png"), images.resolve("airborne_" + frame + ".png"));
            Files.copy(frames.resolve("airborne_ir_" + frame + ".png"), nir.resolve("airborne_ir_" + frame + ".png"));
        }
        Path created = elwha.resolve("project");
        Result create = EmbedCommandTest.runCapturing("project", "create", created.toString(), "--images",
                images.toString(), "--nir", nir.toString());
        assertEquals(0, create.exit(), create.err());

        JsonNode mcFeeters = autolabel("--project", created.toString(), "--model", MODEL, "--source", "ndwi").json();
        assertEquals(2, mcFeeters.get("labelled").asInt(), "0 takes the forest for water: " + mcFeeters);

        Result tuned = autolabel("--project", created.toString(), "--model", MODEL, "--source", "ndwi",
                "--ndwi-threshold", "0.8", "--overwrite");
        assertEquals(1, tuned.json().get("labelled").asInt(), tuned.out());
        assertEquals(1, tuned.json().get("empty").asInt(), tuned.out());
        assertTrue(tuned.err().lines().anyMatch(line -> line.startsWith("airborne_7: empty")), tuned.err());
    }

    @Test
    void aWaterIndexThresholdNeedsTheWaterIndexAndARange() {
        Result colour = autolabel("--project", project.toString(), "--model", MODEL, "--ndwi-threshold", "0.5");
        assertNotEquals(0, colour.exit());
        assertTrue(colour.err().contains("--ndwi-threshold is for --source ndwi"), colour.err());

        Result outside = autolabel("--project", project.toString(), "--model", MODEL, "--source", "ndwi",
                "--ndwi-threshold", "1.5");
        assertNotEquals(0, outside.exit());
        assertTrue(outside.err().contains("--ndwi-threshold 1.5") && outside.err().contains("[-1, 1)"),
                outside.err());
        assertFalse(Files.exists(project.resolve("labels/river_a.png")));
    }

    private static Map<String, Tile> byName(Project opened) {
        return opened.tiles().stream().collect(Collectors.toMap(Tile::name, Function.identity()));
    }

    private static Result autolabel(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("autolabel"));
        all.addAll(List.of(args));
        return EmbedCommandTest.runCapturing(all.toArray(String[]::new));
    }
}

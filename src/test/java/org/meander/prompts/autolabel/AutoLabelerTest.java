package org.meander.prompts.autolabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.meander.embed.EmbeddingCache;
import org.meander.project.LabelMask;
import org.meander.project.LabelPng;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.prompts.PromptRecipe;
import org.meander.prompts.RoughMaskSource;
import org.meander.sam.Prompt;
import org.meander.sam.SamModel;
import org.meander.sam.SamPredictor;
import org.meander.testing.Fixtures;
import org.meander.testing.RiverTiles;
import org.meander.weights.SamLoader;

/**
 * Auto-label on synthetic tiles with the tiny SAM fixture, whose random weights make its masks meaningless: what is
 * checked is what happens to each tile, not the masks' shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoLabelerTest {

    @TempDir
    Path dir;

    private SamModel model;

    @BeforeAll
    void loadModel() throws IOException {
        model = SamLoader.load(Fixtures.model("tiny"));
    }

    @AfterAll
    void closeModel() {
        model.close();
    }

    @Test
    void aTileWithWaterGetsSamsMaskForItsPromptAsAPredictedLabel() throws IOException {
        Path folder = dir.resolve("labelled");
        Path image = RiverTiles.tile(folder, "river", true);
        Project project = Project.open(folder);
        Tile tile = project.tiles().get(0);
        EmbeddingCache cache = cacheOf(project);
        AutoLabeler labeler = labeler(project, cache, AutoLabelSettings.DEFAULT);

        TileOutcome outcome = labeler.label(tile);

        assertEquals(TileOutcome.Kind.LABELLED, outcome.kind(), outcome.detail());
        assertEquals(LabelStatus.PREDICTED, project.status(tile));
        assertEquals("tiny", project.predictedBy(tile).orElseThrow(), "the decoder that predicted it");
        assertTrue(cache.contains(cache.keyOf(tile.image())), "the embedding is stored for the next run");
        // The default prompt has several points: one mask, not the best of three.
        Prompt prompt = labeler.answer(tile).prompt(); // the prompt labelling drew: seeded by the tile's name
        assertEquals(PromptRecipe.DEFAULT.positives() + PromptRecipe.DEFAULT.negatives(), prompt.points().size());
        try (SamPredictor predictor = model.predictor(model.encode(ImageIO.read(image.toFile())))) {
            byte[] expected = predictor.predict(prompt, false).mask(0, 0);
            int on = 0;
            for (byte pixel : expected) {
                on += pixel;
            }
            assertTrue(on > 0 && on < expected.length, on + " pixels on: an all-or-nothing mask would prove little");
            assertEquals(new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE, expected),
                    project.readLabel(tile).orElseThrow());
        }
    }

    @Test
    void anAnswerWritesNothingAndIsGivenForLabelledTilesToo() throws IOException {
        Path folder = dir.resolve("answers");
        RiverTiles.tile(folder, "imported", true);
        RiverTiles.tile(folder, "forest", false);
        LabelMask imported = new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE,
                new byte[RiverTiles.SIZE * RiverTiles.SIZE]);
        LabelPng.write(Files.createDirectories(folder.resolve("labels")).resolve("imported.png"), imported);
        Project project = Project.open(folder);
        Map<String, Tile> tiles = project.tiles().stream().collect(Collectors.toMap(Tile::name, Function.identity()));
        AutoLabeler labeler = labeler(project, cacheOf(project), AutoLabelSettings.DEFAULT);

        AutoLabelAnswer river = labeler.answer(tiles.get("imported"));
        AutoLabelAnswer dry = labeler.answer(tiles.get("forest"));

        assertTrue(river.labelled(), river.detail());
        assertTrue(river.rough().waterFraction() > 0.1, river.detail());
        assertTrue(river.detail().startsWith("rough mask 2"), river.detail());
        assertFalse(dry.labelled());
        assertEquals(null, dry.prompt());
        assertTrue(dry.detail().contains("finds no water"), dry.detail());
        assertEquals(LabelStatus.IMPORTED, project.status(tiles.get("imported")));
        assertEquals(imported, project.readLabel(tiles.get("imported")).orElseThrow());
        assertEquals(LabelStatus.NONE, project.status(tiles.get("forest")));
    }

    /** Both runs encode the tile: a run that reads the cache's float16 embedding may differ where logits are near 0. */
    @Test
    void theSameTileGetsTheSameLabelInAnyRunWhateverCameBefore() throws IOException {
        AutoLabelSettings settings = new AutoLabelSettings(AutoLabelSettings.DEFAULT.roughMask(),
                new PromptRecipe(3, 1, true), false, 7);
        Path alone = dir.resolve("alone");
        RiverTiles.tile(alone, "river", true);
        Path second = dir.resolve("second");
        RiverTiles.tile(second, "river", true);
        RiverTiles.tile(second, "another", true);
        Project first = Project.open(alone);
        Project other = Project.open(second);
        AutoLabeler labelsFirst = labeler(first, cacheOf(first), settings);
        AutoLabeler labelsOther = labeler(other, cacheOf(other), settings);

        assertEquals(TileOutcome.Kind.LABELLED, labelsFirst.label(first.tiles().get(0)).kind());
        for (Tile tile : other.tiles()) { // "another" first
            assertEquals(TileOutcome.Kind.LABELLED, labelsOther.label(tile).kind());
        }

        assertEquals(first.readLabel(first.tiles().get(0)).orElseThrow(),
                other.readLabel(other.tiles().get(1)).orElseThrow());
    }

    @Test
    void labelledTilesAreSkippedUnlessOverwriting() throws IOException {
        Path folder = dir.resolve("skip");
        RiverTiles.tile(folder, "imported", true);
        LabelMask imported = new LabelMask(RiverTiles.SIZE, RiverTiles.SIZE, new byte[RiverTiles.SIZE * RiverTiles.SIZE]);
        LabelPng.write(Files.createDirectories(folder.resolve("labels")).resolve("imported.png"), imported);
        Project project = Project.open(folder);
        Tile tile = project.tiles().get(0);

        TileOutcome skipped = labeler(project, cacheOf(project), AutoLabelSettings.DEFAULT).label(tile);

        assertEquals(TileOutcome.Kind.SKIPPED, skipped.kind());
        assertTrue(skipped.detail().contains("IMPORTED"), skipped.detail());
        assertEquals(LabelStatus.IMPORTED, project.status(tile));

        AutoLabelSettings overwrite = new AutoLabelSettings(AutoLabelSettings.DEFAULT.roughMask(),
                PromptRecipe.DEFAULT, true, 0);
        assertEquals(TileOutcome.Kind.LABELLED, labeler(project, cacheOf(project), overwrite).label(tile).kind());
        assertEquals(LabelStatus.PREDICTED, project.status(tile));
        assertEquals(imported, project.originalLabel(tile).orElseThrow(), "the imported label stays in the history");
    }

    @Test
    void aTileWithoutWaterIsEmptyAndNeverEncoded() throws IOException {
        Path folder = dir.resolve("dry");
        RiverTiles.tile(folder, "forest", false);
        Project project = Project.open(folder);
        Tile tile = project.tiles().get(0);
        EmbeddingCache cache = cacheOf(project);

        TileOutcome outcome = labeler(project, cache, AutoLabelSettings.DEFAULT).label(tile);

        assertEquals(TileOutcome.Kind.EMPTY, outcome.kind());
        assertTrue(outcome.detail().contains("HSV"), outcome.detail());
        assertEquals(LabelStatus.NONE, project.status(tile));
        assertFalse(cache.contains(cache.keyOf(tile.image())), "no encoder time spent on a tile without prompts");
    }

    @Test
    void theWaterIndexNeedsTheTilesNearInfraredBand() throws IOException {
        Path folder = dir.resolve("ndwi");
        RiverTiles.tile(folder, "with_band", true);
        RiverTiles.nearInfrared(folder, "with_band");
        RiverTiles.tile(folder, "without_band", true);
        Project project = Project.open(folder);
        AutoLabelSettings ndwi = new AutoLabelSettings(
                AutoLabelSettings.DEFAULT.roughMask().withSource(RoughMaskSource.NDWI), PromptRecipe.DEFAULT, false, 0);
        AutoLabeler labeler = labeler(project, cacheOf(project), ndwi);
        Map<String, Tile> tiles = project.tiles().stream().collect(Collectors.toMap(Tile::name, Function.identity()));

        assertEquals(TileOutcome.Kind.LABELLED, labeler.label(tiles.get("with_band")).kind());
        TileOutcome missing = labeler.label(tiles.get("without_band"));
        assertEquals(TileOutcome.Kind.FAILED, missing.kind());
        assertTrue(missing.detail().contains(folder.resolve("nir/without_band.png").toString()), missing.detail());
    }

    @Test
    void aBrokenTileFailsWithItsNameAndLeavesTheProjectAsItWas() throws IOException {
        Path folder = dir.resolve("broken");
        Files.createDirectories(folder.resolve("tiles"));
        Path broken = Files.writeString(folder.resolve("tiles/broken.png"), "this is text, not a PNG");
        Project project = Project.open(folder);
        Tile tile = project.tiles().get(0);

        TileOutcome outcome = labeler(project, cacheOf(project), AutoLabelSettings.DEFAULT).label(tile);

        assertEquals(TileOutcome.Kind.FAILED, outcome.kind());
        assertTrue(outcome.detail().contains(broken.toAbsolutePath().normalize().toString()), outcome.detail());
        assertEquals(LabelStatus.NONE, project.status(tile));
    }

    private AutoLabeler labeler(Project project, EmbeddingCache cache, AutoLabelSettings settings) {
        return AutoLabeler.withModel(project, model, cache, settings, new LabellingDecoder("tiny", null));
    }

    private EmbeddingCache cacheOf(Project project) {
        return new EmbeddingCache(project.directory(), model.encoderFingerprint(), 0);
    }
}

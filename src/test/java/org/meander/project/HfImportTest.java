package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.project.HfDatasets.classPng;
import static org.meander.project.HfDatasets.rgbPng;
import static org.meander.project.HfDatasets.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing Hugging Face datasets that the tests write as the datasets library does. */
class HfImportTest {

    static final int W = 6;
    static final int H = 4;
    /** Class 0 land, 1 river, 2 something else: the class-index labels of the seed's data, plus a third class. */
    static final IntUnaryOperator CLASSES = i -> i % W < 2 ? 0 : i % W < 4 ? 1 : 2;

    @TempDir
    Path temp;

    Path project() {
        return temp.resolve("project");
    }

    static LabelMask expected(IntUnaryOperator foreground) {
        byte[] pixels = new byte[W * H];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) foreground.applyAsInt(i);
        }
        return new LabelMask(W, H, pixels);
    }

    static Tile tile(Project project, String name) {
        return project.tiles().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + name + " in " + project.tiles()));
    }

    static Map<String, Split> splits(Project project) {
        return project.tiles().stream().collect(Collectors.toMap(Tile::name, project::split));
    }

    static boolean mentions(ImportReport report, String... words) {
        return report.problems().stream().anyMatch(p -> Arrays.stream(words).allMatch(p::contains));
    }

    @Test
    void rowsBecomeTilesNamedByPathWithClassOneAsRiverAndTheSplitOfTheirFile() throws IOException {
        Path train = HfDatasets.write(temp.resolve("data/train-00000-of-00001.parquet"),
                row("/home/someone/elwha/airborne_1.png", rgbPng(W, H, 1), classPng(W, H, CLASSES)),
                row("airborne_2.png", rgbPng(W, H, 2), classPng(W, H, i -> 1)),
                row(null, rgbPng(W, H, 3), classPng(W, H, i -> 0)));
        Path validation = HfDatasets.write(temp.resolve("data/validation-00000-of-00001.parquet"),
                row("airborne_9.png", rgbPng(W, H, 9), classPng(W, H, CLASSES)));

        ImportReport report = HfImport.importFiles(project(), List.of(validation, train),
                HfImport.DEFAULT_CLASS_INDEX);

        assertEquals(List.of(), report.problems());
        assertEquals(List.of("airborne_1", "airborne_2", "train_2", "airborne_9"), report.importedTiles());
        assertEquals(report.importedTiles(), report.labelledTiles());
        Project project = Project.open(project());
        assertEquals(Map.of("airborne_1", Split.TRAIN, "airborne_2", Split.TRAIN, "train_2", Split.TRAIN,
                "airborne_9", Split.VALIDATION), splits(project));
        assertEquals(expected(i -> CLASSES.applyAsInt(i) == 1 ? 1 : 0), label(project, "airborne_1"));
        assertEquals(expected(i -> 1), label(project, "airborne_2"));
        assertEquals(expected(i -> 0), label(project, "train_2"));
        assertArrayEquals(rgbPng(W, H, 9), Files.readAllBytes(project().resolve("tiles/airborne_9.png")),
                "the image bytes are the tile, unchanged");
        assertEquals(LabelStatus.IMPORTED, project.status(tile(project, "airborne_1")));
    }

    @Test
    void theClassIndexChoosesTheForegroundAndOneWithNoPixelsIsReportedOnce() throws IOException {
        Path train = HfDatasets.write(temp.resolve("train.parquet"),
                row("a.png", rgbPng(W, H, 1), classPng(W, H, CLASSES)));

        HfImport.importFiles(project(), List.of(train), 2);
        assertEquals(expected(i -> CLASSES.applyAsInt(i) == 2 ? 1 : 0), label(Project.open(project()), "a"));

        Path other = HfDatasets.write(temp.resolve("test.parquet"),
                row("b.png", rgbPng(W, H, 2), classPng(W, H, CLASSES)),
                row("c.png", rgbPng(W, H, 3), classPng(W, H, CLASSES)));
        ImportReport report = HfImport.importFiles(project(), List.of(other), 7);
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(mentions(report, "class 7", "all 2 labels are empty"), report.problems().toString());
    }

    @Test
    void sharedOrMissingPathsFallBackToSplitAndRowCountedAcrossShards() throws IOException {
        HfDatasets.write(temp.resolve("train-00000-of-00002.parquet"),
                row("same.png", rgbPng(W, H, 1), classPng(W, H, CLASSES)),
                row(null, rgbPng(W, H, 2), classPng(W, H, CLASSES)));
        HfDatasets.write(temp.resolve("train-00001-of-00002.parquet"),
                row("", rgbPng(W, H, 3), classPng(W, H, CLASSES)),
                row(".hidden.png", rgbPng(W, H, 4), classPng(W, H, CLASSES)));
        HfDatasets.write(temp.resolve("test-00000-of-00001.parquet"),
                row("same.png", rgbPng(W, H, 5), classPng(W, H, CLASSES)));

        ImportReport report = HfImport.importFiles(project(), List.of(temp.resolve("train-00001-of-00002.parquet"),
                temp.resolve("test-00000-of-00001.parquet"), temp.resolve("train-00000-of-00002.parquet")), 1);

        assertEquals(List.of("test_0", "train_0", "train_1", "train_2", "train_3"), report.importedTiles());
        assertEquals(Split.TEST, Project.open(project()).split(tile(Project.open(project()), "test_0")));
        assertArrayEquals(rgbPng(W, H, 3), Files.readAllBytes(project().resolve("tiles/train_2.png")));
    }

    @Test
    void filesThatAreNotDatasetsAreReportedByNameAndTheOthersImport() throws Exception {
        Path good = HfDatasets.write(temp.resolve("train.parquet"),
                row("a.png", rgbPng(W, H, 1), classPng(W, H, CLASSES)));
        byte[] whole = Files.readAllBytes(HfDatasets.write(temp.resolve("whole.parquet"),
                row("b.png", rgbPng(W, H, 2), classPng(W, H, CLASSES))));
        Path truncated = Files.write(temp.resolve("validation.parquet"), Arrays.copyOf(whole, whole.length / 2));
        Path text = Files.writeString(temp.resolve("notes.parquet"), "not parquet");
        Path noLabel = temp.resolve("test.parquet");
        HfDatasets.sql("COPY (SELECT {'bytes': '\\x01'::BLOB, 'path': 'c.png'} AS image, 'river' AS caption)"
                + " TO '" + noLabel + "' (FORMAT parquet)");

        ImportReport report = HfImport.importFiles(project(), List.of(truncated, good, text, noLabel), 1);

        assertEquals(List.of("a"), report.importedTiles());
        assertEquals(3, report.problems().size(), report.problems().toString());
        assertTrue(mentions(report, truncated.toString(), "not a readable parquet file"), report.problems().toString());
        assertTrue(mentions(report, text.toString(), "not a readable parquet file"), report.problems().toString());
        assertTrue(mentions(report, noLabel.toString(), "no column \"label\"", "image STRUCT(bytes BLOB, path VARCHAR)",
                "caption VARCHAR"), report.problems().toString());
    }

    @Test
    void badRowsAreReportedWithFileAndRowAndTheOtherRowsImport() throws IOException {
        byte[] image = rgbPng(W, H, 1);
        byte[] label = classPng(W, H, CLASSES);
        Path file = HfDatasets.write(temp.resolve("train.parquet"),
                row("ok.png", image, label),
                row("damaged.png", Arrays.copyOf(image, image.length / 2), label),
                row("badlabel.png", rgbPng(W, H, 2), "not a png".getBytes()),
                row("small.png", rgbPng(W, H, 3), classPng(W - 1, H, i -> 1)),
                row("../../outside.png", rgbPng(W, H, 4), label),
                row("nolabel.png", rgbPng(W, H, 5), null),
                new HfDatasets.Row(new org.meander.project.hf.HfImage(null, "/elsewhere/only-a-path.png"), null),
                row("good/outside.png", rgbPng(W, H, 6), label));

        ImportReport report = HfImport.importFiles(project(), List.of(file), 1);

        assertEquals(List.of("ok", "badlabel", "small", "nolabel", "outside"), report.importedTiles(),
                "the refused path does not take the name of the good one");
        assertEquals(List.of("ok", "outside"), report.labelledTiles());
        List<String> problems = report.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(mentions(report, file + ", row 1", "image is not readable", "skipped"), problems.toString());
        assertTrue(mentions(report, file + ", row 2", "label is not readable", "without a label"), problems.toString());
        assertTrue(mentions(report, file + ", row 3", "5 x 4", "6 x 4", "without a label"), problems.toString());
        assertTrue(mentions(report, file + ", row 4", "../../outside.png", "skipped"), problems.toString());
        assertTrue(mentions(report, file + ", row 6", "only-a-path.png", "skipped"), problems.toString());
        assertFalse(Files.exists(temp.resolve("outside.png")));
        assertFalse(Files.exists(project().resolve("tiles/damaged.png")));
        assertEquals(List.of("badlabel.png", "nolabel.png", "ok.png", "outside.png", "small.png"),
                TestImages.filesBelow(project().resolve("tiles")));
    }

    @Test
    void nothingTheProjectHadIsReplaced() throws IOException {
        TestImages.tile(project().resolve("tiles/a.jpg"), W, H);
        TestImages.grayPng(project().resolve("labels/a.png"), W, H, new int[W * H]);
        TestImages.grayPng(project().resolve("labels/b.png"), W, H, new int[W * H]); // a label without its tile
        Project before = Project.open(project());
        before.setSplit(tile(before, "a"), Split.TEST);
        before.writeLabel(tile(before, "a"), expected(i -> i % 2), LabelStatus.ACCEPTED);
        byte[] labelA = Files.readAllBytes(project().resolve("labels/a.png"));
        byte[] labelB = Files.readAllBytes(project().resolve("labels/b.png"));
        Path file = HfDatasets.write(temp.resolve("train.parquet"),
                row("a.png", rgbPng(W, H, 1), classPng(W, H, i -> 1)),
                row("b.png", rgbPng(W, H, 2), classPng(W, H, i -> 1)));

        ImportReport report = HfImport.importFiles(project(), List.of(file), 1);

        assertEquals(List.of("b"), report.importedTiles());
        assertTrue(mentions(report, "row 0", "already has a tile named a"), report.problems().toString());
        assertTrue(mentions(report, "row 1", "already had the label"), report.problems().toString());
        assertArrayEquals(labelA, Files.readAllBytes(project().resolve("labels/a.png")));
        assertArrayEquals(labelB, Files.readAllBytes(project().resolve("labels/b.png")));
        Project after = Project.open(project());
        assertEquals(Split.TEST, after.split(tile(after, "a")));
        assertEquals(LabelStatus.ACCEPTED, after.status(tile(after, "a")));
        assertEquals(Split.TRAIN, after.split(tile(after, "b")));

        ImportReport again = HfImport.importFiles(project(), List.of(file), 1);
        assertEquals(List.of(), again.importedTiles(), "importing the same dataset twice adds nothing");
    }

    static LabelMask label(Project project, String name) throws IOException {
        return project.readLabel(tile(project, name)).orElseThrow(() -> new AssertionError(name + " has no label"));
    }
}

package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.hf.HfImage;
import org.meander.project.hf.HfParquetWriter;
import org.meander.testing.Fixtures;

/** {@code meander project import-hf} on real Elwha frames, and {@code project export --format hf}. */
class ProjectHfCommandTest {

    static final Path DATA = Fixtures.shared().resolve("data/elwha-airborne");

    @TempDir
    Path temp;

    /** A dataset of three real frames, labelled as the seed's data is: class 1 (river) in the left third. */
    Path elwhaDataset(String fileName) throws IOException {
        Path file = temp.resolve("dataset").resolve(fileName);
        Files.createDirectories(file.getParent());
        BufferedImage label = new BufferedImage(480, 640, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 160; x++) {
                label.getRaster().setSample(x, y, 0, 1);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(label, "png", png);
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            for (int n = 1; n <= 3; n++) {
                Path frame = DATA.resolve("airborne_" + n + ".png");
                writer.add(new HfImage(Files.readAllBytes(frame), frame.toString()),
                        new HfImage(png.toByteArray(), null));
            }
            writer.commit();
        }
        return file;
    }

    @Test
    void importHfPrintsOneJsonLineAndImportsEveryRow() throws IOException {
        Path train = elwhaDataset("train-00000-of-00001.parquet");
        Path dir = temp.resolve("project");

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-hf", dir.toString(), "--parquet",
                train.toString());

        assertEquals(0, result.exit(), result.err());
        JsonNode json = result.json();
        assertEquals(3, json.path("tiles").asInt());
        assertEquals(3, json.path("labelled").asInt());
        assertEquals(0, json.path("problems").size(), json.toString());
        Project project = Project.open(dir);
        assertEquals(List.of("airborne_1", "airborne_2", "airborne_3"),
                project.tiles().stream().map(Tile::name).toList());
        Tile first = project.tiles().get(0);
        assertEquals(Split.TRAIN, project.split(first));
        byte[] label = project.readLabel(first).orElseThrow().pixels();
        assertEquals(1, label[100 * 480 + 10], "class 1 is the river");
        assertEquals(0, label[100 * 480 + 400]);
    }

    @Test
    void badFilesAreProblemsOnStderrAndNothingImportedExitsOne() throws IOException {
        Path text = Files.writeString(temp.resolve("train.parquet"), "not parquet");

        EmbedCommandTest.Result result = ProjectCommandTest.project("import-hf", temp.resolve("p").toString(),
                "--parquet", text.toString());

        assertEquals(1, result.exit());
        assertEquals(0, result.json().path("tiles").asInt());
        assertTrue(result.err().contains(text.toString()), result.err());
    }

    @Test
    void withoutParquetFilesItIsAUsageError() {
        EmbedCommandTest.Result result = ProjectCommandTest.project("import-hf", temp.resolve("p").toString());

        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--parquet"), result.err());
    }

    @Test
    void exportHfWritesAFilePerSplitThatImportsBack() throws IOException {
        Path sample = temp.resolve("sample");
        SampleProject.create(sample, 4);
        Path out = temp.resolve("hf");

        EmbedCommandTest.Result export = ProjectCommandTest.project("export", sample.toString(), "--format", "hf",
                "--out", out.toString());

        assertEquals(0, export.exit(), export.err());
        JsonNode json = export.json();
        Project original = Project.open(sample);
        assertEquals(original.tiles().size(), json.path("rows").asInt());
        assertEquals(0, json.path("unlabelled_tiles_left_out").asInt());
        List<String> arguments = new ArrayList<>(List.of("import-hf", temp.resolve("copy").toString(), "--parquet"));
        long splits = original.tiles().stream().map(original::split).distinct().count();
        assertEquals(splits, json.path("files").size(), json.toString());
        json.path("files").forEach(file -> arguments.add(file.asText()));
        EmbedCommandTest.Result imported = ProjectCommandTest.project(arguments.toArray(String[]::new));
        assertEquals(0, imported.exit(), imported.err());
        Project copy = Project.open(temp.resolve("copy"));
        assertEquals(original.tiles().size(), copy.tiles().size());
        for (Tile tile : copy.tiles()) {
            Tile before = original.tiles().stream().filter(t -> t.name().equals(tile.name())).findFirst()
                    .orElseThrow();
            assertEquals(original.split(before), copy.split(tile));
            assertEquals(original.readLabel(before), copy.readLabel(tile));
        }
    }
}

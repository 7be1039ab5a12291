package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.SampleProject;
import org.meander.project.Split;
import org.meander.project.Tile;

/**
 * {@code project export} into a place that holds something already: an earlier export is replaced only with
 * {@code --overwrite}, and then wholly, so no stale file of it is left to be read with the new one; files Meander did
 * not write are never touched.
 */
class ProjectExportReplaceTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierExportIsReplacedOnlyWhenAskedAndThenLeavesNoStaleFile() throws Exception {
        Project project = sample();
        Tile checked = project.tiles().get(3);
        project.writeLabel(checked, project.readLabel(checked).orElseThrow(), LabelStatus.ACCEPTED);
        Path out = dir.resolve("masks");
        assertEquals(0, export("--format", "png", "--out", out.toString()).exit());
        List<String> earlier = visibleFiles(out);
        assertEquals(6, earlier.size());
        Files.writeString(out.resolve("notes.txt"), "the user's own");

        var refused = export("--format", "png", "--out", out.toString(), "--accepted-only");

        assertEquals(1, refused.exit());
        assertEquals("meander: --out " + out + " holds an earlier export (png, 6 files); add --overwrite to replace"
                + " it (files it did not write are kept), or choose an empty folder", refused.err().strip());
        assertEquals(union(earlier, "notes.txt"), visibleFiles(out), "nothing changed");

        var replaced = export("--format", "png", "--out", out.toString(), "--accepted-only", "--overwrite");

        assertEquals(0, replaced.exit(), replaced.err());
        assertEquals(1, replaced.json().path("masks").asInt());
        assertEquals(List.of("notes.txt", checked.name() + ".png"), visibleFiles(out));
    }

    /** The tester's case: a Hugging Face folder whose old splits {@code load_dataset} would read with the new one. */
    @Test
    void anHfExportOfOneSplitLeavesNoOtherSplitsFileBehind() throws Exception {
        Project project = sample();
        project.setSplit(project.tiles().get(0), Split.TEST);
        project.setSplit(project.tiles().get(1), Split.TRAIN);
        Path out = dir.resolve("hf");
        assertEquals(0, export("--format", "hf", "--out", out.toString()).exit());
        assertTrue(visibleFiles(out).contains("train-00000-of-00001.parquet"));

        var test = export("--format", "hf", "--out", out.toString(), "--split", "test", "--overwrite");

        assertEquals(0, test.exit(), test.err());
        assertEquals(List.of("test-00000-of-00001.parquet"), visibleFiles(out));
        JsonNode files = test.json().path("files");
        assertEquals(out.resolve("test-00000-of-00001.parquet").toString(), files.get(0).asText(),
                "the files are named where they are, not where they were written first");
    }

    @Test
    void aFolderOfFilesMeanderDidNotWriteIsRefusedEvenWithOverwrite() throws Exception {
        sample();
        Path out = Files.createDirectories(dir.resolve("masks"));
        for (int i = 1; i <= 17; i++) {
            Files.writeString(out.resolve("old" + i + ".png"), "someone's mask");
        }

        var refused = export("--format", "png", "--out", out.toString(), "--overwrite");

        assertEquals(1, refused.exit());
        assertEquals("meander: --out " + out + ": holds 17 files that no Meander export recorded writing, such as"
                + " old1.png; choose an empty or new folder, or empty this one (an older Meander's exports kept no"
                + " record)", refused.err().strip());
        assertEquals(17, visibleFiles(out).size());
        assertEquals("someone's mask", Files.readString(out.resolve("old1.png")));
    }

    /** A failed export leaves the earlier one whole: it is written aside and put in its place only when done. */
    @Test
    void anExportThatFailsLeavesTheEarlierOneAsItWas() throws Exception {
        sample();
        Path out = dir.resolve("outlines");
        assertEquals(0, export("--format", "geojson", "--out", out.toString()).exit());
        List<String> earlier = visibleFiles(out);
        byte[] first = Files.readAllBytes(out.resolve(earlier.get(0)));

        var failed = export("--format", "geojson-wgs84", "--out", out.toString(), "--overwrite");

        assertEquals(1, failed.exit(), "the sample's tiles are not on the map");
        assertEquals(earlier, visibleFiles(out));
        assertArrayEquals(first, Files.readAllBytes(out.resolve(earlier.get(0))));
        try (Stream<Path> all = Files.list(out)) {
            assertEquals(1, all.filter(f -> f.getFileName().toString().startsWith(".")).count(),
                    "only the record of the export is hidden there: nothing half written");
        }
    }

    @Test
    void aCocoFileIsReplacedOnlyWhenAskedAndAFolderIsNamedAsTheOption() throws Exception {
        sample();
        Path json = Files.writeString(dir.resolve("labels.json"), "{\"the user's\": \"CVAT export\"}");

        var refused = export("--format", "coco", "--out", json.toString());
        assertEquals(1, refused.exit());
        assertEquals("meander: --out " + json + " exists; add --overwrite to replace it, or name another file",
                refused.err().strip());
        assertEquals("{\"the user's\": \"CVAT export\"}", Files.readString(json));
        var replaced = export("--format", "coco", "--out", json.toString(), "--overwrite");
        assertEquals(0, replaced.exit(), replaced.err());
        assertTrue(Files.readString(json).contains("\"annotations\""));

        Path folder = Files.createDirectories(dir.resolve("coco"));
        var intoAFolder = export("--format", "coco", "--out", folder.toString(), "--overwrite");
        assertEquals(1, intoAFolder.exit());
        assertEquals("meander: --out " + folder + ": is a folder; COCO is one JSON file: name the file, such as "
                + folder.resolve("labels.json"), intoAFolder.err().strip());
        assertEquals(List.of(), visibleFiles(folder));
    }

    /** Java's file errors name only the file: the message must say what is wrong with it. */
    @Test
    void anOutputThatIsAFileIsNamedAndExplained() throws Exception {
        sample();
        Path file = Files.writeString(dir.resolve("masks"), "not a folder");
        var result = export("--format", "png", "--out", file.toString(), "--overwrite");
        assertEquals(1, result.exit());
        assertEquals("meander: --out " + file + ": is a file; png writes a folder of files: choose a folder",
                result.err().strip());
        assertEquals("not a folder", Files.readString(file));
    }

    private Project sample() throws IOException {
        SampleProject.create(dir.resolve("sample"), 4);
        return Project.open(dir.resolve("sample"));
    }

    private EmbedCommandTest.Result export(String... options) {
        String[] all = Stream.concat(Stream.of("project", "export", dir.resolve("sample").toString()),
                Stream.of(options)).toArray(String[]::new);
        return EmbedCommandTest.runCapturing(all);
    }

    /** The files a person sees there, sorted: not hidden ones. */
    static List<String> visibleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }

    private static List<String> union(List<String> names, String name) {
        return Stream.concat(names.stream(), Stream.of(name)).sorted().toList();
    }
}

package org.meander.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.SampleProject;

/** {@code export-model --out}: a place that is not a model's folder is refused first, saying what to do. */
class ExportModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsRefusedWithWhatToDo() throws Exception {
        Path out = Files.writeString(dir.resolve("tuned"), "a file");

        var result = exportModel(out);

        assertEquals(1, result.exit());
        assertEquals("meander: --out " + out + ": is a file; export the model to a folder (a new one is made)",
                result.err().strip());
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("masks"));
        Files.writeString(out.resolve("river_a.png"), "a mask");

        var result = exportModel(out);

        assertEquals(1, result.exit());
        assertEquals("meander: --out " + out + ": holds no model but 1 other file, such as river_a.png; export the"
                + " model to an empty or new folder", result.err().strip());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("river_a.png")), files.toList(), "nothing written there");
        }
    }

    private EmbedCommandTest.Result exportModel(Path out) throws Exception {
        Path project = dir.resolve("sample");
        SampleProject.create(project, 4);
        return EmbedCommandTest.runCapturing("export-model", "--project", project.toString(), "--run", "r1",
                "--out", out.toString(), "--overwrite");
    }
}

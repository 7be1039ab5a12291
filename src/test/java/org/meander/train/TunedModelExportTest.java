package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;

/** Where a tuned model may be written, and what its files are like. */
class TunedModelExportTest {

    private static final Path BASE = Fixtures.model("tiny");

    @TempDir
    Path dir;

    /** The fixture's files are read-only; an export is the user's to edit (config.json, say), as any new file. */
    @Test
    void theFilesWrittenAreOrdinaryFilesWhateverTheBaseModelsModes() throws IOException {
        assertFalse(Files.getPosixFilePermissions(BASE.resolve("config.json")).contains(
                PosixFilePermission.OWNER_WRITE), "the fixture is read-only, as this test needs");
        Path out = dir.resolve("tuned");

        TunedModelExport.write(BASE, Map.of(), out, false);

        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.writeString(dir.resolve("new"), ""));
        assertEquals(ordinary, Files.getPosixFilePermissions(out.resolve("config.json")));
        assertEquals(ordinary, Files.getPosixFilePermissions(out.resolve("model.safetensors")));
        assertEquals(Files.readString(BASE.resolve("config.json")), Files.readString(out.resolve("config.json")));
    }

    @Test
    void aFolderOfOtherFilesIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("masks"));
        Files.writeString(out.resolve("river_a.png"), "a mask");

        IOException e = assertThrows(IOException.class, () -> TunedModelExport.write(BASE, Map.of(), out, true));

        assertEquals(out + ": holds no model but 1 other file, such as river_a.png; export the model to an empty or"
                + " new folder", e.getMessage());
        assertEquals(List.of("river_a.png"), names(out));
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path out = Files.writeString(dir.resolve("tuned"), "a file");

        IOException e = assertThrows(IOException.class, () -> TunedModelExport.write(BASE, Map.of(), out, true));

        assertEquals(out + ": is a file; export the model to a folder (a new one is made)", e.getMessage());
    }

    @Test
    void anEarlierExportIsReplacedWhenAskedAndOtherFilesOfItsFolderKept() throws IOException {
        Path out = dir.resolve("tuned");
        TunedModelExport.write(BASE, Map.of(), out, false);
        Files.writeString(out.resolve("README.md"), "my model card");

        assertThrows(IOException.class, () -> TunedModelExport.write(BASE, Map.of(), out, false));
        TunedModelExport.write(BASE, Map.of(), out, true);

        assertEquals(List.of("README.md", "config.json", "model.safetensors"), names(out));
        assertTrue(Files.getPosixFilePermissions(out.resolve("config.json"))
                .contains(PosixFilePermission.OWNER_WRITE));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Fixtures;

/** What a tuned model's files are like. */
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
}

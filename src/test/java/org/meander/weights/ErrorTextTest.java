package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorTextTest {

    @TempDir
    Path dir;

    @Test
    void javasFileErrorsSayWhatHappenedToTheFile() throws IOException {
        Path missing = dir.resolve("missing.png");
        assertEquals(missing + ": no such file or folder",
                ErrorText.of(assertThrows(IOException.class, () -> Files.readAllBytes(missing))));

        Path file = Files.writeString(dir.resolve("labels"), "a file where a folder should be");
        assertEquals(file + ": already exists",
                ErrorText.of(assertThrows(IOException.class, () -> Files.createDirectory(file))));

        assertEquals("a.png (to b.png): already exists",
                ErrorText.of(new FileAlreadyExistsException("a.png", "b.png", null)));
        assertEquals("/srv/tiles: permission denied", ErrorText.of(new AccessDeniedException("/srv/tiles")));
    }

    @Test
    void errorsThatSayWhatHappenedAreLeftAsTheyAre() {
        assertEquals("/tmp/x: Not a directory",
                ErrorText.of(new FileSystemException("/tmp/x", null, "Not a directory")));
        assertEquals("tile.png: the label is 10 x 10 pixels", ErrorText.of(new IOException(
                "tile.png: the label is 10 x 10 pixels")));
    }

    @Test
    void aFileCutShortSaysSo() {
        assertEquals("the file ends before its data does: it was cut short or is damaged",
                ErrorText.of(new EOFException()));
        assertEquals("Unexpected end of ZLIB input stream",
                ErrorText.of(new EOFException("Unexpected end of ZLIB input stream")));
    }

    @Test
    void anErrorWithoutAMessageIsNamed() {
        assertEquals("NullPointerException", ErrorText.of(new NullPointerException()));
    }
}

package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.meander.embed.EncodingProgress;

/** The status bar's words for the background encoding. */
class EncodingStatusTest {

    @Test
    void aQueueAtWorkSaysHowFarAndHowLong() {
        EncodingProgress working = new EncodingProgress(2, 6, 2, 0, 0, 0, 5.0, 20.0, Path.of("tiles/c.png"), null);
        assertEquals("Embeddings 2/6, 20 s left", EncodingStatus.text(working));
        assertNull(EncodingStatus.problem(working));
    }

    @Test
    void failuresAndEmbeddingsNotSavedAreCountedAndExplained() {
        EncodingProgress failed = new EncodingProgress(5, 6, 5, 0, 1, 0, 5.0, 0, null,
                "tiles/b.png: the file ends before its data does");
        assertEquals("Embeddings 5/6, 1 failed", EncodingStatus.text(failed));
        assertTrue(EncodingStatus.problem(failed).startsWith("Could not compute the embedding of tiles/b.png"));

        EncodingProgress readOnly = new EncodingProgress(6, 6, 6, 0, 0, 6, 5.0, 0, null,
                "tiles/f.png: could not write the embedding cache in cache/embeddings/x: permission denied (the project's"
                        + " folder is read-only for you: make it writable, or copy the project to a folder you can"
                        + " write to)");
        assertEquals("Embeddings 6/6, 6 not saved", EncodingStatus.text(readOnly));
        String problem = EncodingStatus.problem(readOnly);
        assertTrue(problem.startsWith("Computed but not saved, so kept in memory for this session only: tiles/f.png")
                && problem.contains("copy the project to a folder you can write to"), problem);
    }
}

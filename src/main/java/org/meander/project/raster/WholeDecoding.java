package org.meander.project.raster;

import java.nio.file.Path;

/**
 * Told when a file is decoded whole before its first window is read: a JPEG 2000 file, which takes seconds for a
 * satellite scene's band, so that a cut can say what it is waiting for.
 */
public interface WholeDecoding {

    /** Told nothing. */
    WholeDecoding NONE = new WholeDecoding() {
    };

    /** Decoding {@code file} starts; {@code what} it holds, in words ("10980 x 10980 pixels, 1 component ..."). */
    default void decoding(Path file, String what) {
    }

    /** Decoding {@code file} took {@code seconds}. */
    default void decoded(Path file, double seconds) {
    }
}

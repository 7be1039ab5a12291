package org.meander.project.raster;

import java.io.IOException;

/**
 * A file that cannot be decoded at all (not a window of it that is damaged): its message says what the file holds and
 * what to do, and is passed on as it is, the file's name put before it.
 */
final class UndecodableFileException extends IOException {

    UndecodableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

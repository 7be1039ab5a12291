package org.meander.embed;

import java.io.IOException;

/** A cache file that cannot be trusted: truncated, a wrong checksum, or not an embedding of this model. */
final class CorruptCacheFileException extends IOException {

    CorruptCacheFileException(String message) {
        super(message);
    }
}

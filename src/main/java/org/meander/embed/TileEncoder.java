package org.meander.embed;

import java.io.IOException;
import java.nio.file.Path;
import org.meander.sam.ImageEmbedding;

/** Computes a tile's embedding: the slow part (seconds on a CPU). */
@FunctionalInterface
public interface TileEncoder {

    ImageEmbedding encode(Path tile) throws IOException;
}

package org.meander.project;

import java.nio.file.Path;
import java.util.Optional;
import org.meander.project.raster.Georeferencing;

/**
 * A raster that was cut into tiles of the project ({@code ./meander project tile}): its name (the file's name
 * without extension, which starts the names of its tiles), where it was, its size, and its georeferencing, kept
 * from its GeoTIFF fields so that masks exported for it can be placed on the map even if the file has moved.
 */
public record SourceRaster(String name, Path file, int width, int height, Optional<Georeferencing> georeferencing) {
}

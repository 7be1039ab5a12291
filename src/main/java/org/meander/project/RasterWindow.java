package org.meander.project;

import org.meander.project.raster.Window;

/** Where a tile was cut from: the name of its {@link SourceRaster} and its window of that raster's pixels. */
public record RasterWindow(String raster, Window window) {
}

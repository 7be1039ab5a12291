package org.meander.project.raster;

import java.awt.image.Raster;

/**
 * The whole of an image at a reduced resolution, what a stretch's percentiles are measured on (see
 * {@link RasterFile#readOverview()}), with what marks its pixels that hold no data: the file's alpha band and nodata
 * value, and its mask read at the same resolution.
 */
public record Overview(Raster pixels, NoData noData) {
}

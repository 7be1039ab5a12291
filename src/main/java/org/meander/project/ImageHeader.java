package org.meander.project;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.NoData;
import org.meander.project.raster.RasterFile;

/**
 * What an image file's header says: a TIFF's, where it lies on the map, what marks no data (GDAL's nodata value, an
 * alpha band, and GDAL's mask, read with it) and what its bands are; a picture's (PNG and the like), its alpha band
 * alone.
 */
public record ImageHeader(Optional<Georeferencing> georeferencing, NoData noData, BandNames bandNames) {

    /** A TIFF's header must be read; a picture's, which says little, is left to the decode to report. */
    public static ImageHeader of(Path source) throws IOException {
        try (RasterFile raster = RasterFile.open(source)) {
            return new ImageHeader(raster.georeferencing(),
                    raster.noData(new Rectangle(0, 0, raster.width(), raster.height())), raster.bandNames());
        } catch (IOException | RuntimeException e) {
            if (List.of("tif", "tiff").contains(Project.extension(source))) {
                throw e;
            }
            return new ImageHeader(Optional.empty(), NoData.NONE, BandNames.NONE);
        }
    }
}

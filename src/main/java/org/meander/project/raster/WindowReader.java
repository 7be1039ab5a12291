package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.List;

/** Decodes windows of an image file's samples: ImageIO's reader, or Meander's own for TIFFs ImageIO's cannot read. */
interface WindowReader extends AutoCloseable {

    /**
     * Every step-th sample of every step-th row of the window, with (0, 0) at its top left; a palette image's
     * indices looked up as colours unless {@code stored}. The message of an exception says what failed, without
     * naming the file.
     */
    Raster read(Rectangle window, int step, boolean stored) throws IOException;

    /**
     * The sizes of the reduced-resolution copies the file holds of its image with its bands (a TIFF's overviews),
     * largest first; none for most files.
     */
    default List<Dimension> overviewSizes() throws IOException {
        return List.of();
    }

    /** Every step-th sample of every step-th row of the whole of overview {@code index} of {@link #overviewSizes}. */
    default Raster readOverview(int index, int step) throws IOException {
        throw new IllegalArgumentException("no overview " + index + ": the file holds none");
    }

    /**
     * Whether the file holds a nodata mask of its image (GDAL's internal mask: a TIFF directory of NewSubfileType 4
     * and the image's size, or GDAL's sidecar beside it, {@link SidecarMaskWindows}); none for most files. The
     * message of an exception says what in the mask cannot be read.
     */
    default boolean hasMask() throws IOException {
        return false;
    }

    /** Where the image's nodata mask is, in words for a message. */
    default String maskSource() {
        return "the TIFF directory of NewSubfileType 4";
    }

    /** Every step-th sample of every step-th row of the window of the image's mask: 0 where it holds no data. */
    default Raster readMask(Rectangle window, int step) throws IOException {
        throw new IllegalArgumentException("no mask: the file holds none");
    }

    /** Whether overview {@code index} of {@link #overviewSizes} has a mask of its own (NewSubfileType 5). */
    default boolean overviewHasMask(int index) throws IOException {
        return false;
    }

    /** Every step-th sample of every step-th row of the whole mask of overview {@code index}. */
    default Raster readOverviewMask(int index, int step) throws IOException {
        throw new IllegalArgumentException("no mask of overview " + index + ": the file holds none");
    }

    @Override
    void close() throws IOException;
}

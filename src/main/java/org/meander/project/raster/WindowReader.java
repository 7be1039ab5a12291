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

    @Override
    void close() throws IOException;
}

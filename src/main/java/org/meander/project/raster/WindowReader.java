package org.meander.project.raster;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;

/** Decodes windows of an image file's samples: ImageIO's reader, or Meander's own for TIFFs ImageIO's cannot read. */
interface WindowReader extends AutoCloseable {

    /**
     * Every step-th sample of every step-th row of the window, with (0, 0) at its top left; a palette image's
     * indices looked up as colours unless {@code stored}. The message of an exception says what failed, without
     * naming the file.
     */
    Raster read(Rectangle window, int step, boolean stored) throws IOException;

    @Override
    void close() throws IOException;
}

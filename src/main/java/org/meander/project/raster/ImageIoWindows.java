package org.meander.project.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Windows decoded by an ImageIO reader: its TIFF reader decodes only the strips or tiles under a window (PNG is
 * decoded from its start for each). A decoder warning counts as damage, as in an import.
 */
final class ImageIoWindows implements WindowReader {

    private final ImageInputStream input;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();

    ImageIoWindows(ImageInputStream input, ImageReader reader) {
        this.input = input;
        this.reader = reader;
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    @Override
    public Raster read(Rectangle window, int step, boolean stored) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(window);
        param.setSourceSubsampling(step, step, 0, 0);
        warnings.clear();
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            // a cut-off file shows as an IIOException, an EOFException or an IndexOutOfBoundsException
            throw new IOException(RasterFile.describe(e), e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(warnings.get(0));
        }
        return !stored && image.getColorModel() instanceof IndexColorModel palette
                ? palette.convertToIntDiscrete(image.getRaster(), false).getRaster() : image.getRaster();
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}

package org.meander.prompts;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.meander.project.LabelMask;

/**
 * A tile's near-infrared band, each sample scaled to [0, 1] by its bit depth ({@code bits}, 8 or 16), row-major: what
 * a water index compares with the green band, which is scaled the same way. NaN where the band has no value: a frame
 * from another camera, warped onto the tile, does not reach every pixel.
 */
public record NearInfraredBand(int width, int height, int bits, float[] values) {

    public NearInfraredBand {
        if (values.length != (long) width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " band needs " + (long) width * height
                    + " samples, got " + values.length);
        }
    }

    /** The pixels without a value (1), where a frame warped onto the tile does not reach. */
    public LabelMask unknown() {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Float.isNaN(values[i]) ? (byte) 1 : (byte) 0;
        }
        return new LabelMask(width, height, pixels);
    }

    /** Reads a grey PNG (8 or 16 bit); where it has an alpha channel, a pixel of alpha 0 has no value. */
    public static NearInfraredBand read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no near-infrared band for this tile; import the imagery with its NIR band,"
                    + " or make rough masks from colour (--source hsv)");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": unreadable near-infrared band (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(file + ": not a readable image; the near-infrared band is a grey 8- or 16-bit PNG");
        }
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() != ColorSpace.TYPE_GRAY || model.getNumColorComponents() != 1) {
            throw new IOException(file + ": the near-infrared band must be a grey PNG (one channel), this one has "
                    + model.getNumColorComponents() + " colour channels; write the band alone, as grey");
        }
        double scale = (1 << model.getComponentSize(0)) - 1;
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        float[] values = new float[width * height];
        boolean hasAlpha = model.hasAlpha();
        int[] row = new int[width];
        int[] alpha = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            if (hasAlpha) {
                raster.getSamples(0, y, width, 1, 1, alpha);
            }
            for (int x = 0; x < width; x++) {
                values[y * width + x] = hasAlpha && alpha[x] == 0 ? Float.NaN : (float) (row[x] / scale);
            }
        }
        return new NearInfraredBand(width, height, model.getComponentSize(0), values);
    }
}

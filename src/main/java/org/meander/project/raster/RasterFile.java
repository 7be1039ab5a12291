package org.meander.project.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.ImageInputStream;

/**
 * An image file read one window at a time, so that a raster larger than memory can be cut into tiles: ImageIO's TIFF
 * reader then decodes only the strips or tiles under the window. Any file ImageIO reads works (PNG is decoded from
 * its start for each window, so TIFF is the fast path for large rasters). A decoder warning counts as damage, as in
 * an import, and every error names the file.
 */
public final class RasterFile implements AutoCloseable {

    private final Path file;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final int width;
    private final int height;
    private final ColorModel colourModel;
    private final int storedBands;
    private final int bitsPerSample;
    private final boolean integerSamples;
    private final Optional<Georeferencing> georeferencing;
    private final List<String> warnings = new ArrayList<>();

    private RasterFile(Path file, ImageInputStream input, ImageReader reader) throws IOException {
        this.file = file;
        this.input = input;
        this.reader = reader;
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.setInput(input, false, false);
        this.georeferencing = readGeoreferencing(reader);
        this.width = reader.getWidth(0);
        this.height = reader.getHeight(0);
        ImageTypeSpecifier type = reader.getImageTypes(0).next();
        this.colourModel = type.getColorModel();
        this.storedBands = type.getSampleModel().getNumBands();
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits = Math.max(bits, size);
        }
        this.bitsPerSample = colourModel instanceof IndexColorModel ? 8 : bits;
        int dataType = type.getSampleModel().getDataType();
        this.integerSamples = dataType != DataBuffer.TYPE_FLOAT && dataType != DataBuffer.TYPE_DOUBLE;
    }

    /** Reads the header only. */
    public static RasterFile open(Path file) throws IOException {
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            throw new IOException(file + ": cannot be opened; check that it exists and can be read");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            boolean bigTiff = TiffLimits.isBigTiff(input);
            input.close();
            throw new IOException(file + ": " + (bigTiff ? TiffLimits.bigTiffProblem()
                    : "not a TIFF, PNG, JPEG or BMP image"));
        }
        ImageReader reader = readers.next();
        RasterFile raster;
        try {
            raster = new RasterFile(file, input, reader);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            input.close();
            throw new IOException(file + ": damaged or truncated " + reader.getFormatName() + " header ("
                    + describe(e) + "); re-export the image", e);
        }
        Optional<String> problem = raster.undecodable();
        if (problem.isPresent()) {
            raster.close();
            throw new IOException(file + ": " + problem.get());
        }
        return raster;
    }

    /** Why the reader cannot decode this image's samples though it read its header, or empty when it can. */
    private Optional<String> undecodable() throws IOException {
        try {
            return TiffLimits.problem(reader.getImageMetadata(0));
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException(file + ": damaged or truncated " + reader.getFormatName() + " header ("
                    + describe(e) + "); re-export the image", e);
        }
    }

    /**
     * GDAL's nodata and metadata tags are not in ImageIO's known TIFF tag sets, so the metadata must be read with
     * unknown tags kept. The TIFF reader reads an image's metadata once, with the parameters of the first call that
     * needs it; readAsRenderedImage with such parameters reads the directory and decodes no pixels.
     */
    private static Optional<Georeferencing> readGeoreferencing(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (!(param instanceof TIFFImageReadParam tiff)) {
            return Optional.empty();
        }
        tiff.setReadUnknownTags(true);
        reader.readAsRenderedImage(0, tiff);
        return Georeferencing.from(reader.getImageMetadata(0));
    }

    public Path file() {
        return file;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The bands a read returns: those stored, or red, green, blue (and alpha) for a palette image. */
    public int bandCount() {
        return colourModel instanceof IndexColorModel palette ? (palette.hasAlpha() ? 4 : 3) : storedBands;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Whether the samples are integers rather than floating-point numbers. */
    public boolean integerSamples() {
        return integerSamples;
    }

    /** Whether pixels are indices into a colour palette (a read returns the palette's colours). */
    public boolean isPalette() {
        return colourModel instanceof IndexColorModel;
    }

    public Optional<Georeferencing> georeferencing() {
        return georeferencing;
    }

    public OptionalDouble noData() {
        return georeferencing.map(Georeferencing::noData).orElse(OptionalDouble.empty());
    }

    /** The window's samples, band by band as stored (a palette is looked up), with (0, 0) at its top left. */
    public Raster read(Rectangle window) throws IOException {
        return coloursOf(decodeWindow(window));
    }

    /**
     * The window's samples exactly as stored, with (0, 0) at its top left: a palette image's indices, not their
     * colours (a class mask's classes).
     */
    public Raster readStored(Rectangle window) throws IOException {
        return decodeWindow(window).getRaster();
    }

    /** The whole image at 1/step of its resolution in each direction: every step-th pixel of every step-th row. */
    public Raster readSubsampled(int step) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return coloursOf(decode(param, step == 1 ? "the whole image"
                : "one pixel in " + step + " each way"));
    }

    private BufferedImage decodeWindow(Rectangle window) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(window);
        return decode(param, "the window at x " + window.x + ", y " + window.y + ", " + window.width + " x "
                + window.height);
    }

    /** The samples, with a palette looked up. */
    private static Raster coloursOf(BufferedImage image) {
        return image.getColorModel() instanceof IndexColorModel palette
                ? palette.convertToIntDiscrete(image.getRaster(), false).getRaster() : image.getRaster();
    }

    private BufferedImage decode(ImageReadParam param, String what) throws IOException {
        warnings.clear();
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            // a cut-off file shows as an IIOException, an EOFException or an IndexOutOfBoundsException
            throw new IOException(file + ": damaged or truncated " + reader.getFormatName() + ", reading " + what
                    + " (" + describe(e) + "); re-export the image", e);
        }
        if (!warnings.isEmpty()) {
            throw new IOException(file + ": damaged or truncated " + reader.getFormatName() + ", reading " + what
                    + " (" + warnings.get(0) + "); re-export the image");
        }
        return image;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}

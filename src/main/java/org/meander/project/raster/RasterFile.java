package org.meander.project.raster;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.ImageInputStream;
import org.meander.project.raster.jpeg2000.Codestream;
import org.meander.project.raster.jpeg2000.Jpeg2000Decoder;
import org.meander.project.raster.jpeg2000.Jpeg2000File;
import org.meander.project.raster.tiff.TiffBytes;
import org.meander.project.raster.tiff.TiffRasterReader;

/**
 * An image file read one window at a time, so that a raster larger than memory can be cut into tiles: only the strips
 * or tiles under a window are decoded. Any file ImageIO reads works (PNG is decoded from its start for each window, so
 * TIFF is the fast path for large rasters); a TIFF ImageIO's reader cannot decode (a BigTIFF, 16-bit samples with
 * horizontal differencing, ZSTD) and every floating-point TIFF is read by Meander's own ({@link TiffRasterReader});
 * JPEG 2000 is decoded whole by OpenCV at the first read ({@link Jpeg2000Windows}); a GDAL virtual raster stacking band
 * files is read through them ({@link VrtStack}). A decoder warning counts as damage, as in an import, and every error
 * names the file.
 */
public final class RasterFile implements AutoCloseable {

    /** About as many pixels as an overview holds: enough for percentiles, a few seconds to read at most. */
    static final long OVERVIEW_PIXELS = 4_000_000;
    private static final int PHOTOMETRIC = 262;
    private static final int EXTRA_SAMPLES = 338;

    private final Path file;
    private final WindowReader windows;
    private final String formatName;
    private final int width;
    private final int height;
    private final int storedBands;
    private final int bitsPerSample;
    private final boolean integerSamples;
    private final IndexColorModel palette;
    /** The GeoTIFF and GDAL fields of the file (none for other formats): its georeferencing and nodata value. */
    private final List<TiffField> geoFields;
    private final BandNames bandNames;
    private final OptionalInt alphaBand;

    private RasterFile(Path file, WindowReader windows, String formatName, int width, int height, int storedBands,
                       int bitsPerSample, boolean integerSamples, IndexColorModel palette, List<TiffField> geoFields,
                       boolean storedAsRgb, OptionalInt alphaBand) {
        this.file = file;
        this.windows = SidecarMaskWindows.of(file, windows, width, height);
        this.formatName = formatName;
        this.width = width;
        this.height = height;
        this.storedBands = storedBands;
        this.bitsPerSample = bitsPerSample;
        this.integerSamples = integerSamples;
        this.palette = palette;
        this.geoFields = List.copyOf(geoFields);
        this.alphaBand = alphaBand;
        this.bandNames = palette != null ? BandNames.NONE
                : BandNames.of(geoFields, storedAsRgb, alphaBand, storedBands);
    }

    /** Reads the header only. */
    public static RasterFile open(Path file) throws IOException {
        return open(file, WholeDecoding.NONE);
    }

    /**
     * Reads the header only; a file that must be decoded whole before a window of it is read (JPEG 2000, alone or a
     * stack's band file) tells {@code decoding} when it is, at its first read.
     */
    public static RasterFile open(Path file, WholeDecoding decoding) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vrt")) {
            return stack(file, VrtStack.read(file), decoding);
        }
        if (isJpeg2000(file)) {
            return jpeg2000(file, decoding);
        }
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            throw new IOException(file + ": cannot be opened; check that it exists and can be read");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            boolean bigTiff = TiffLimits.isBigTiff(input);
            input.close();
            if (bigTiff) {
                return ownTiff(file);
            }
            throw new IOException(file + ": not a TIFF, PNG, JPEG, BMP or JPEG 2000 image");
        }
        ImageReader reader = readers.next();
        boolean own;
        List<TiffField> geoFields;
        OptionalDouble photometric;
        Optional<TiffField> extraSamples;
        try {
            reader.setInput(input, false, false);
            geoFields = readGeoFields(reader); // first: the metadata is read once, unknown tags kept
            own = TiffLimits.needsOwnReader(reader.getImageMetadata(0));
            photometric = TiffField.firstValue(reader.getImageMetadata(0), PHOTOMETRIC);
            extraSamples = TiffField.fieldIn(reader.getImageMetadata(0), EXTRA_SAMPLES);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            input.close();
            throw damagedHeader(file, reader, e);
        }
        if (own) {
            reader.dispose();
            input.close();
            return ownTiff(file);
        }
        try {
            ImageTypeSpecifier type = reader.getImageTypes(0).next();
            ColorModel colours = type.getColorModel();
            int bits = 0;
            for (int size : type.getSampleModel().getSampleSize()) {
                bits = Math.max(bits, size);
            }
            int dataType = type.getSampleModel().getDataType();
            IndexColorModel palette = colours instanceof IndexColorModel p ? p : null;
            boolean rgb = photometric.isPresent() ? isRgb((int) photometric.getAsDouble())
                    : colours.getColorSpace().getType() == ColorSpace.TYPE_RGB;
            int bands = type.getSampleModel().getNumBands();
            OptionalInt alpha = palette != null ? (palette.hasAlpha() ? OptionalInt.of(3) : OptionalInt.empty())
                    : photometric.isPresent() ? alphaBand(extraSamples.map(f -> f.values().stream()
                            .mapToLong(Long::parseLong).toArray()).orElse(new long[0]), bands)
                    : colours.hasAlpha() ? OptionalInt.of(bands - 1) : OptionalInt.empty();
            return new RasterFile(file, new ImageIoWindows(input, reader), reader.getFormatName(),
                    reader.getWidth(0), reader.getHeight(0), bands,
                    palette != null ? 8 : bits, dataType != DataBuffer.TYPE_FLOAT && dataType != DataBuffer.TYPE_DOUBLE,
                    palette, geoFields, rgb, alpha);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            input.close();
            throw damagedHeader(file, reader, e);
        }
    }

    /**
     * The band a TIFF's ExtraSamples field calls alpha (1 associated, 2 unassociated; GDAL writes 2 for an RGBA
     * orthomosaic): the extra samples are the last bands. An unspecified extra sample (0, GDAL's near-infrared beside
     * RGB) is no alpha, whatever Java's reader makes of it.
     */
    private static OptionalInt alphaBand(long[] extraSamples, int bands) {
        for (int i = extraSamples.length - 1; i >= 0; i--) {
            if (extraSamples[i] == 1 || extraSamples[i] == 2) {
                return OptionalInt.of(bands - extraSamples.length + i);
            }
        }
        return OptionalInt.empty();
    }

    /** TIFF's photometric interpretations RGB (2) and YCbCr (6, JPEG-compressed colour), decoded as RGB. */
    private static boolean isRgb(int photometric) {
        return photometric == 2 || photometric == 6;
    }

    private static IOException damagedHeader(Path file, ImageReader reader, Exception e) {
        return new IOException(file + ": damaged or truncated "
                + reader.getOriginatingProvider().getFormatNames()[0] + " header (" + describe(e)
                + "); re-export the image", e);
    }

    /**
     * The bands of other files of one grid as one raster (see {@link VrtStack}): the first file's place on the map,
     * the stack's names (its bands' descriptions and colour interpretations), alpha band and nodata value.
     */
    private static RasterFile stack(Path file, VrtStack stack, WholeDecoding decoding) throws IOException {
        Map<Path, RasterFile> files = new LinkedHashMap<>();
        List<StackedWindows.Source> sources = new ArrayList<>();
        try {
            for (VrtStack.Band band : stack.bands()) {
                RasterFile source = files.get(band.source());
                if (source == null) {
                    source = open(band.source(), decoding);
                    files.put(band.source(), source);
                }
                String where = file + ": band " + (sources.size() + 1) + " (" + band.source() + ")";
                if (source.width() != stack.width() || source.height() != stack.height()) {
                    throw new IOException(where + " is " + source.width() + " x " + source.height() + " pixels, not"
                            + " the stack's " + stack.width() + " x " + stack.height());
                }
                if (band.sourceBand() < 1 || band.sourceBand() > source.bandCount() || source.isPalette()) {
                    throw new IOException(where + ": band " + band.sourceBand() + " of " + source.bandCount()
                            + (source.isPalette() ? ", a palette image's" : "") + ", which Meander cannot stack");
                }
                SampleFormat kind = sources.isEmpty() ? source.sampleFormat() : sources.get(0).file().sampleFormat();
                if (!source.sampleFormat().equals(kind)) {
                    throw new IOException(where + " holds " + source.sampleFormat() + " samples where band 1's are "
                            + kind + ": stack bands of one kind");
                }
                sources.add(new StackedWindows.Source(source, band.sourceBand() - 1));
            }
        } catch (IOException | RuntimeException e) {
            for (RasterFile opened : files.values()) {
                opened.close();
            }
            throw e;
        }
        RasterFile first = sources.get(0).file();
        List<TiffField> fields = new ArrayList<>(first.geoFields.stream().filter(f -> f.number()
                != Georeferencing.GDAL_METADATA && f.number() != Georeferencing.GDAL_NODATA).toList());
        String named = metadata(stack);
        if (named.contains("<Item")) {
            fields.add(new TiffField(Georeferencing.GDAL_METADATA, "TIFFAsciis", List.of(named)));
        }
        stack.noData().ifPresent(value -> fields.add(new TiffField(Georeferencing.GDAL_NODATA, "TIFFAsciis",
                List.of(Double.toString(value)))));
        OptionalInt alpha = IntStream.range(0, stack.bands().size())
                .filter(b -> stack.bands().get(b).colour().equalsIgnoreCase("alpha")).reduce((a, b) -> b);
        return new RasterFile(file, new StackedWindows(sources), "VRT", stack.width(), stack.height(),
                sources.size(), first.bitsPerSample(), first.integerSamples(), null, fields, false, alpha);
    }

    /** The stack's band names as GDAL writes them in a TIFF's metadata, which {@link BandNames} reads. */
    private static String metadata(VrtStack stack) {
        StringBuilder xml = new StringBuilder("<GDALMetadata>");
        for (int b = 0; b < stack.bands().size(); b++) {
            VrtStack.Band band = stack.bands().get(b);
            xml.append(item(b, "description", band.description())).append(item(b, "colorinterp", band.colour()));
        }
        return xml.append("</GDALMetadata>").toString();
    }

    private static String item(int band, String role, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return text.isEmpty() ? "" : "<Item name=\"" + role.toUpperCase(Locale.ROOT) + "\" sample=\"" + band
                + "\" role=\"" + role + "\">" + escaped + "</Item>";
    }

    /** Whether the file starts as a JP2 file or a raw JPEG 2000 codestream does; false when it cannot be read. */
    private static boolean isJpeg2000(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Jpeg2000File.startsJpeg2000(in.readNBytes(12));
        } catch (IOException e) {
            return false; // said by the reader that tries it next
        }
    }

    /**
     * A JPEG 2000 file: its boxes and codestream header are read now, its pixels decoded at the first read. What
     * OpenCV's decoder does not read is refused now, with what to do.
     */
    private static RasterFile jpeg2000(Path file, WholeDecoding decoding) throws IOException {
        FileChannel channel = FileChannel.open(file);
        try {
            Jpeg2000File header;
            try {
                header = Jpeg2000File.read(channel);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": JPEG 2000, " + describe(e) + "; re-export the image or copy it"
                        + " again", e);
            }
            try {
                Jpeg2000Decoder.requireDecodable(header);
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            Codestream codestream = header.codestream();
            int bands = codestream.components().size();
            return new RasterFile(file, new Jpeg2000Windows(file, channel, header, decoding), "JPEG 2000",
                    codestream.width(), codestream.height(), bands, codestream.components().get(0).bits() > 8 ? 16 : 8,
                    true, null, header.georeferencing(), header.colour() && bands >= 3, header.channels().alpha());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A TIFF read by Meander's own reader; what it cannot decode is said with what to do. */
    private static RasterFile ownTiff(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file);
        try {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));
            return new RasterFile(file, new OwnTiffWindows(channel, reader), "TIFF", reader.width(), reader.height(),
                    reader.bands(), reader.bitsPerSample(), !reader.floatingPoint(), null,
                    reader.directory().georeferencing(), isRgb(reader.directory().photometric()),
                    alphaBand(reader.directory().extraSamples(), reader.bands()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException(file + ": " + describe(e), e);
        }
    }

    /**
     * GDAL's nodata and metadata tags are not in ImageIO's known TIFF tag sets, so the metadata must be read with
     * unknown tags kept. The TIFF reader reads an image's metadata once, with the parameters of the first call that
     * needs it; readAsRenderedImage with such parameters reads the directory and decodes no pixels.
     */
    private static List<TiffField> readGeoFields(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (!(param instanceof TIFFImageReadParam tiff)) {
            return List.of();
        }
        tiff.setReadUnknownTags(true);
        reader.readAsRenderedImage(0, tiff);
        return Georeferencing.fieldsOf(reader.getImageMetadata(0));
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
        return palette != null ? (palette.hasAlpha() ? 4 : 3) : storedBands;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Whether the samples are integers rather than floating-point numbers. */
    public boolean integerSamples() {
        return integerSamples;
    }

    /**
     * Whether the samples are deeper than 8 bits (16-bit integers or floating point): a picture of them is stretched
     * between percentiles, 8-bit samples are shown as they are.
     */
    public boolean needsStretch() {
        return bitsPerSample > 8 || !integerSamples;
    }

    public SampleFormat sampleFormat() {
        return new SampleFormat(bitsPerSample, !integerSamples);
    }

    /** Whether pixels are indices into a colour palette (a read returns the palette's colours). */
    public boolean isPalette() {
        return palette != null;
    }

    public Optional<Georeferencing> georeferencing() {
        return Georeferencing.of(geoFields);
    }

    /** GDAL's nodata value, if the file has one. */
    public OptionalDouble noDataValue() {
        return Georeferencing.noData(geoFields);
    }

    /**
     * Whether the file holds a nodata mask of its image: GDAL's internal mask (a TIFF directory of NewSubfileType 4
     * and the image's size, 0 where the image holds no data), which JPEG-compressed orthomosaics and many
     * cloud-optimised GeoTIFFs carry instead of an alpha band, or the {@code .msk} file GDAL writes beside it.
     */
    public boolean hasMask() throws IOException {
        try {
            return windows.hasMask();
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": its nodata mask (" + windows.maskSource() + ") cannot be read ("
                    + describe(e) + "); re-export the image", e);
        }
    }

    /**
     * What marks the pixels of {@link #read read(window)} that hold no data: the alpha band, GDAL's nodata value, and
     * the window of the file's mask when it has one.
     */
    public NoData noData(Rectangle window) throws IOException {
        return noData(hasMask() ? Optional.of(readMask(window, 1)) : Optional.empty());
    }

    private NoData noData(Optional<Raster> mask) {
        return new NoData(alphaBand, noDataValue(), mask);
    }

    private Raster readMask(Rectangle window, int step) throws IOException {
        try {
            return windows.readMask(window, step);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": damaged or truncated TIFF, reading its nodata mask (" + windows.maskSource()
                    + "), " + inWords(window) + " (" + describe(e) + "); re-export the image", e);
        }
    }

    /** The file's windows, for a reader that reads another file's through it (a sidecar mask). */
    WindowReader windows() {
        return windows;
    }

    /** The bands that hold imagery: all but an alpha band. */
    public int dataBandCount() {
        return bandCount() - (alphaBand.isPresent() ? 1 : 0);
    }

    /** The 0-based band that is alpha (0 where nothing was seen, as in an RGBA orthomosaic), if one is. */
    public OptionalInt alphaBand() {
        return alphaBand;
    }

    /** What the file says each band is ("Red", "NIR"), as far as it says. */
    public BandNames bandNames() {
        return bandNames;
    }

    /** The window's samples, band by band as stored (a palette is looked up), with (0, 0) at its top left. */
    public Raster read(Rectangle window) throws IOException {
        return decode(window, 1, false, inWords(window));
    }

    /**
     * The window's samples exactly as stored, with (0, 0) at its top left: a palette image's indices, not their
     * colours (a class mask's classes).
     */
    public Raster readStored(Rectangle window) throws IOException {
        return decode(window, 1, true, inWords(window));
    }

    /** The whole image at 1/step of its resolution in each direction: every step-th pixel of every step-th row. */
    public Raster readSubsampled(int step) throws IOException {
        return decode(new Rectangle(0, 0, width, height), step, false, step == 1 ? "the whole image"
                : "one pixel in " + step + " each way");
    }

    /**
     * The whole image at about {@link #OVERVIEW_PIXELS} pixels (at its own resolution when smaller): what a stretch's
     * percentiles are measured on. Read from the smallest of the file's overviews that holds that many pixels, when it
     * has one (GDAL's gdaladdo and cloud-optimised GeoTIFFs write them), which decodes a fraction of the blocks;
     * otherwise, or when the overview cannot be read, every few pixels of the image itself. The mask of a file that
     * has one is read at the same resolution: an overview's own (gdaladdo writes them), else the image and its mask
     * are read every few pixels.
     */
    public Overview readOverview() throws IOException {
        return readOverview(OVERVIEW_PIXELS);
    }

    /** The whole image at about {@code wanted} pixels, as {@link #readOverview()} reads it. */
    Overview readOverview(long wanted) throws IOException {
        boolean masked = hasMask(); // first: a mask that cannot be read is said before any pixels are decoded
        List<Dimension> overviews;
        try {
            overviews = windows.overviewSizes();
        } catch (IOException | RuntimeException e) {
            overviews = List.of(); // overviews are a shortcut: the image itself is read instead
        }
        for (int i = overviews.size() - 1; i >= 0; i--) {
            long pixels = (long) overviews.get(i).width * overviews.get(i).height;
            if (pixels >= wanted) {
                try {
                    if (!masked || windows.overviewHasMask(i)) {
                        // at least as many as wanted: the smallest overview that large is read whole or nearly
                        int step = (int) Math.max(1, Math.sqrt((double) pixels / wanted));
                        Raster overview = windows.readOverview(i, step);
                        return new Overview(overview, noData(masked
                                ? Optional.of(windows.readOverviewMask(i, step)) : Optional.empty()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the image is read instead
                }
                break;
            }
        }
        long pixels = (long) width * height;
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / wanted)));
        Raster subsampled = readSubsampled(step);
        return new Overview(subsampled, noData(masked
                ? Optional.of(readMask(new Rectangle(0, 0, width, height), step)) : Optional.empty()));
    }

    private static String inWords(Rectangle window) {
        return "the window at x " + window.x + ", y " + window.y + ", " + window.width + " x " + window.height;
    }

    private Raster decode(Rectangle window, int step, boolean stored, String what) throws IOException {
        try {
            return windows.read(window, step, stored);
        } catch (UndecodableFileException e) {
            throw new UndecodableFileException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException(file + ": damaged or truncated " + formatName + ", reading " + what + " ("
                    + e.getMessage() + "); re-export the image", e);
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() throws IOException {
        windows.close();
    }
}

package org.meander.project.raster.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.TiffField;

/**
 * The first image directory of a TIFF, classic or BigTIFF, as far as reading its samples and its place on the map
 * needs: the size, the samples, how they are compressed and cut into blocks (tiles, or strips as wide as the image),
 * and where each block lies in the file; the reduced-resolution copies and the masks that follow it are read on
 * request ({@link #readOverviews}, {@link #readMasks}).
 *
 * @param blockWidth  a tile's width, or the image's for strips
 * @param blockHeight a tile's height, or a strip's rows
 * @param planar      whether each band is stored in blocks of its own (PlanarConfiguration 2)
 * @param tiled       whether the blocks are tiles, which are whole at the image's edges (padded); strips are not
 * @param jpegTables  the quantisation and Huffman tables JPEG-compressed blocks share (JPEGTables), or null
 * @param extraSamples what the samples after the colour ones are (ExtraSamples: 0 unspecified, 1 and 2 alpha),
 *                    last ones last; none when the field is missing
 * @param newSubfileType what the directory holds (NewSubfileType; 0 when missing, as for the image itself)
 */
public record TiffDirectory(ByteOrder order, boolean bigTiff, int width, int height, int samplesPerPixel,
        int bitsPerSample, int sampleFormat, int compression, int predictor, int photometric, boolean planar,
        boolean tiled, int blockWidth, int blockHeight, long[] offsets, long[] byteCounts, byte[] jpegTables,
        List<TiffField> georeferencing, long[] extraSamples, long newSubfileType) {

    /** NewSubfileType: what a directory after the first holds (bit 1 a reduced-resolution copy, bit 4 a mask). */
    public static final int NEW_SUBFILE_TYPE = 254;
    private static final long REDUCED_RESOLUTION = 1;
    private static final long MASK = 4;
    /** Directories followed at most: GDAL writes a handful of overviews; a loop or a damaged chain ends here. */
    private static final int MOST_DIRECTORIES = 64;
    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int BITS_PER_SAMPLE = 258;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int STRIP_OFFSETS = 273;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int ROWS_PER_STRIP = 278;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int PLANAR_CONFIGURATION = 284;
    private static final int PREDICTOR = 317;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int JPEG_TABLES = 347;
    private static final int SAMPLE_FORMAT = 339;
    private static final int EXTRA_SAMPLES = 338;
    /** Value sizes in bytes of TIFF's field types 1 to 18 (0: unknown). */
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 12;
    private static final int LONG8 = 16;

    /** The blocks across the image. */
    public int blocksAcross() {
        return (width + blockWidth - 1) / blockWidth;
    }

    /** The blocks down the image. */
    public int blocksDown() {
        return (height + blockHeight - 1) / blockHeight;
    }

    public static TiffDirectory read(TiffBytes bytes) throws IOException {
        Header header = Header.read(bytes);
        return of(header.order(), header.big(), fields(bytes, header, header.first()).entries());
    }

    /**
     * The GeoTIFF and GDAL fields of the first directory alone, whatever else it holds: a TIFF that carries only its
     * place on the map (the degenerate GeoTIFF in a JPEG 2000 file's GeoJP2 box) need describe no image.
     */
    public static List<TiffField> readGeoreferencing(TiffBytes bytes) throws IOException {
        Header header = Header.read(bytes);
        return georeferencing(fields(bytes, header, header.first()).entries());
    }

    /**
     * The reduced-resolution copies of the image that follow its directory (the overviews GDAL's gdaladdo and
     * cloud-optimised GeoTIFFs hold), in file order. Masks, and directories that cannot be read, are left out:
     * overviews are a shortcut, the image itself is always there to read.
     */
    public static List<TiffDirectory> readOverviews(TiffBytes bytes) throws IOException {
        return following(bytes, TiffDirectory::isOverview);
    }

    /**
     * The transparency masks that follow the image's directory (GDAL's internal nodata masks, of the image and of its
     * overviews), in file order. The search ends at a directory that cannot be read: what follows it cannot be found.
     */
    public static List<TiffDirectory> readMasks(TiffBytes bytes) throws IOException {
        return following(bytes, kind -> (kind & MASK) != 0);
    }

    /** The directories after the first whose NewSubfileType is of a kind, up to one that cannot be read. */
    private static List<TiffDirectory> following(TiffBytes bytes, LongPredicate kind) throws IOException {
        Header header = Header.read(bytes);
        List<TiffDirectory> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long at = fields(bytes, header, header.first()).next();
        while (at != 0 && seen.add(at) && seen.size() <= MOST_DIRECTORIES) {
            Fields directory;
            try {
                directory = fields(bytes, header, at);
                if (kind.test(value(directory.entries(), NEW_SUBFILE_TYPE, 0))) {
                    found.add(of(header.order(), header.big(), directory.entries()));
                }
            } catch (IOException | RuntimeException e) {
                break;
            }
            at = directory.next();
        }
        return found;
    }

    /** Whether a directory of this NewSubfileType is an overview: a reduced-resolution copy, not a mask's. */
    public static boolean isOverview(long newSubfileType) {
        return (newSubfileType & (REDUCED_RESOLUTION | MASK)) == REDUCED_RESOLUTION;
    }

    /**
     * Whether a directory of this NewSubfileType is the mask of an image of the other's: GDAL marks the image's mask
     * 4 (a mask) and an overview's 5 (a mask of reduced resolution); the image itself has no NewSubfileType (0).
     */
    public static boolean isMaskOf(long maskType, long imageType) {
        return (maskType & MASK) != 0 && (maskType & REDUCED_RESOLUTION) == (imageType & REDUCED_RESOLUTION);
    }

    /** The byte order, the kind of TIFF and where its first directory starts. */
    private record Header(ByteOrder order, boolean big, long first) {

        static Header read(TiffBytes bytes) throws IOException {
            byte[] header = bytes.read(0, 8);
            ByteOrder order = header[0] == 'I' && header[1] == 'I' ? ByteOrder.LITTLE_ENDIAN
                    : header[0] == 'M' && header[1] == 'M' ? ByteOrder.BIG_ENDIAN : null;
            if (order == null) {
                throw new IOException("not a TIFF: it starts with neither II nor MM");
            }
            ByteBuffer start = ByteBuffer.wrap(header).order(order);
            int version = start.getShort(2);
            boolean big = version == 43;
            if (version != 42 && !big) {
                throw new IOException("not a TIFF: version " + version + " where 42 or 43 (BigTIFF) belongs");
            }
            long first = big ? ByteBuffer.wrap(bytes.read(8, 8)).order(order).getLong()
                    : start.getInt(4) & 0xffffffffL;
            return new Header(order, big, first);
        }
    }

    /** A directory's fields by tag, and where the next directory starts (0: none). */
    private record Fields(Map<Integer, Entry> entries, long next) {
    }

    private static TiffDirectory of(ByteOrder order, boolean big, Map<Integer, Entry> entries) throws IOException {
        int width = (int) required(entries, IMAGE_WIDTH, "ImageWidth")[0];
        int height = (int) required(entries, IMAGE_LENGTH, "ImageLength")[0];
        int samples = (int) value(entries, SAMPLES_PER_PIXEL, 1);
        long[] bits = entries.containsKey(BITS_PER_SAMPLE) ? entries.get(BITS_PER_SAMPLE).numbers() : new long[] {1};
        for (long b : bits) {
            if (b != bits[0]) {
                throw new IOException("bands of different depths (BitsPerSample " + Arrays.toString(bits)
                        + ")");
            }
        }
        boolean tiled = entries.containsKey(TILE_WIDTH);
        int blockWidth = tiled ? (int) required(entries, TILE_WIDTH, "TileWidth")[0] : width;
        int blockHeight = tiled ? (int) required(entries, TILE_LENGTH, "TileLength")[0]
                : (int) Math.min(height, value(entries, ROWS_PER_STRIP, height));
        long[] offsets = required(entries, tiled ? TILE_OFFSETS : STRIP_OFFSETS,
                tiled ? "TileOffsets" : "StripOffsets");
        long[] counts = required(entries, tiled ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS,
                tiled ? "TileByteCounts" : "StripByteCounts");
        TiffDirectory directory = new TiffDirectory(order, big, width, height, samples, (int) bits[0],
                (int) value(entries, SAMPLE_FORMAT, 1), (int) value(entries, COMPRESSION, 1),
                (int) value(entries, PREDICTOR, 1), (int) value(entries, PHOTOMETRIC, 1),
                value(entries, PLANAR_CONFIGURATION, 1) == 2, tiled, blockWidth, blockHeight, offsets, counts,
                entries.containsKey(JPEG_TABLES) ? entries.get(JPEG_TABLES).data().array() : null,
                georeferencing(entries),
                entries.containsKey(EXTRA_SAMPLES) ? entries.get(EXTRA_SAMPLES).numbers() : new long[0],
                value(entries, NEW_SUBFILE_TYPE, 0));
        long blocks = (long) directory.blocksAcross() * directory.blocksDown() * (directory.planar() ? samples : 1);
        if (width <= 0 || height <= 0 || blockWidth <= 0 || blockHeight <= 0 || offsets.length < blocks
                || counts.length < blocks) {
            throw new IOException("a directory whose sizes disagree: " + width + " x " + height + " pixels in blocks"
                    + " of " + blockWidth + " x " + blockHeight + ", " + offsets.length + " block offsets");
        }
        return directory;
    }

    private static List<TiffField> georeferencing(Map<Integer, Entry> entries) {
        List<TiffField> georeferencing = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (Georeferencing.TAGS.contains(entry.tag())) {
                entry.asField().ifPresent(georeferencing::add);
            }
        }
        georeferencing.sort(Comparator.comparingInt(TiffField::number));
        return georeferencing;
    }

    private static Fields fields(TiffBytes bytes, Header header, long at) throws IOException {
        ByteOrder order = header.order();
        boolean big = header.big();
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        ByteBuffer countBytes = ByteBuffer.wrap(bytes.read(at, countSize)).order(order);
        long count = big ? countBytes.getLong() : countBytes.getShort() & 0xffff;
        if (count <= 0 || count > 10_000) {
            throw new IOException("a directory of " + count + " fields at byte " + at);
        }
        ByteBuffer table = ByteBuffer.wrap(bytes.read(at + countSize, (int) count * entrySize)).order(order);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int tag = table.getShort() & 0xffff;
            int type = table.getShort() & 0xffff;
            long n = big ? table.getLong() : table.getInt() & 0xffffffffL;
            int size = type < TYPE_SIZE.length ? TYPE_SIZE[type] : 0;
            int fieldSize = big ? 8 : 4;
            byte[] inline = new byte[fieldSize];
            table.get(inline);
            if (size == 0 || n > Integer.MAX_VALUE / 8) {
                continue; // a type this reader has no use for
            }
            long length = n * size;
            byte[] data;
            if (length <= fieldSize) {
                data = Arrays.copyOf(inline, (int) length);
            } else {
                ByteBuffer offset = ByteBuffer.wrap(inline).order(order);
                data = bytes.read(big ? offset.getLong() : offset.getInt() & 0xffffffffL, (int) length);
            }
            entries.put(tag, new Entry(tag, type, (int) n, ByteBuffer.wrap(data).order(order)));
        }
        long next;
        try {
            ByteBuffer pointer = ByteBuffer.wrap(bytes.read(at + countSize + count * entrySize, big ? 8 : 4))
                    .order(order);
            next = big ? pointer.getLong() : pointer.getInt() & 0xffffffffL;
        } catch (IOException e) {
            next = 0; // cut off after the directory: its image may still be whole, and overviews are optional
        }
        return new Fields(entries, next);
    }

    private static long[] required(Map<Integer, Entry> entries, int tag, String name) throws IOException {
        Entry entry = entries.get(tag);
        if (entry == null || entry.count() == 0) {
            throw new IOException("no " + name + " field (TIFF tag " + tag + ")");
        }
        return entry.numbers();
    }

    private static long value(Map<Integer, Entry> entries, int tag, long otherwise) {
        Entry entry = entries.get(tag);
        return entry == null || entry.count() == 0 ? otherwise : entry.numbers()[0];
    }

    /** One field: its tag, type, value count and the values' bytes. */
    private record Entry(int tag, int type, int count, ByteBuffer data) {

        long[] numbers() {
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (type) {
                    case SHORT -> data.getShort(i * 2) & 0xffff;
                    case LONG -> data.getInt(i * 4) & 0xffffffffL;
                    case LONG8 -> data.getLong(i * 8);
                    case 1, 7 -> data.get(i) & 0xff;
                    default -> 0;
                };
            }
            return values;
        }

        /** The field as ImageIO's TIFF metadata writes it, for the GeoTIFF types (double, short, ASCII). */
        Optional<TiffField> asField() {
            List<String> values = new ArrayList<>();
            String kind;
            switch (type) {
                case DOUBLE -> {
                    kind = "TIFFDoubles";
                    for (int i = 0; i < count; i++) {
                        values.add(Double.toString(data.getDouble(i * 8)));
                    }
                }
                case SHORT -> {
                    kind = "TIFFShorts";
                    for (long v : numbers()) {
                        values.add(Long.toString(v));
                    }
                }
                case ASCII -> {
                    kind = "TIFFAsciis";
                    String text = new String(data.array(), StandardCharsets.ISO_8859_1);
                    for (String part : text.split("\0")) {
                        values.add(part);
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
            return Optional.of(new TiffField(tag, kind, values));
        }
    }
}

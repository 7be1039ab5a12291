package org.meander.project.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meander.project.raster.Georeferencing;
import org.meander.testing.GdalStyleFloatTiff;
import org.meander.testing.GdalStyleFloatTiff.Layout;
import org.meander.testing.GdalStyleTiff;
import org.meander.testing.RawTiff;
import org.meander.testing.TestRasters;

/**
 * Meander's own TIFF reader decodes what Java's TIFF reader decodes to the same samples (every compression it
 * undoes, JPEG included, tiles and strips, 8 and 16 bits and floating point, one to five bands, windows across
 * blocks, subsampling, the GeoTIFF fields), and what Java's cannot: BigTIFF, 16-bit horizontal differencing and the
 * floating-point predictor, as GDAL writes them.
 */
class TiffRasterReaderTest {

    private static final Rectangle ACROSS_BLOCKS = new Rectangle(37, 21, 90, 60);
    /** Across GdalStyleFloatTiff's strips and tiles, and its NaN, -10000 and 1e30 pixels. */
    private static final Rectangle ACROSS_BLOCKS_OF_FLOATS = new Rectangle(3, 2, 50, 40);
    private static final int PREDICTOR = 317;
    private static final int SAMPLE_FORMAT = 339;

    @TempDir
    Path folder;

    static Stream<Arguments> layouts() {
        Stream<Arguments> lossless = Stream.of(null, "LZW", "Deflate", "ZLib", "PackBits").flatMap(compression ->
                Stream.of(Arguments.of(compression, 0, 3, 8), Arguments.of(compression, 32, 3, 8),
                        Arguments.of(compression, 0, 1, 16), Arguments.of(compression, 48, 5, 16)));
        Stream<Arguments> jpeg = Stream.of(Arguments.of("JPEG", 0, 3, 8), Arguments.of("JPEG", 32, 3, 8),
                Arguments.of("JPEG", 48, 1, 8));
        return Stream.concat(lossless, jpeg);
    }

    @ParameterizedTest(name = "{0}, tile {1}, {2} bands of {3} bits")
    @MethodSource("layouts")
    void readsWhatJavasReaderReadsToTheSameSamples(String compression, int tile, int bands, int bits)
            throws IOException {
        int top = bits == 8 ? 256 : 65536;
        // smooth runs and noise, so that every compression has both to encode
        WritableRaster samples = TestRasters.raster(150, 97, bands, bits,
                (x, y, b) -> (x / 7 * 31 + y * 17 + b * 1013 + (x * y % 5 == 0 ? x * 977 : 0)) % top);
        Path file = TestRasters.tiff(folder.resolve("image.tif"), samples, tile, TestRasters.georeferencing(),
                compression);
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));
            assertEquals(150, reader.width());
            assertEquals(97, reader.height());
            assertEquals(bands, reader.bands());
            assertEquals(bits, reader.bitsPerSample());
            assertSameSamples(javaReads(file, null, 1), reader.read(new Rectangle(0, 0, 150, 97)));
            assertSameSamples(javaReads(file, ACROSS_BLOCKS, 1), reader.read(ACROSS_BLOCKS));
            assertSameSamples(javaReads(file, null, 3), reader.read(new Rectangle(0, 0, 150, 97), 3));
            assertSameSamples(javaReads(file, ACROSS_BLOCKS, 4), reader.read(ACROSS_BLOCKS, 4));
            // sampled more sparsely than blocks are wide: blocks without a sampled pixel are passed over
            assertSameSamples(javaReads(file, null, 40), reader.read(new Rectangle(0, 0, 150, 97), 40));
            assertEquals(TestRasters.fields(file).entrySet().stream()
                            .filter(e -> Georeferencing.TAGS.contains(e.getKey())).toList(),
                    reader.directory().georeferencing().stream()
                            .map(f -> java.util.Map.entry(f.number(), f.values())).toList());
        }
    }

    @ParameterizedTest(name = "{0} bands, planar {1}, BigTIFF {2}")
    @MethodSource("gdalLayouts")
    void undoesSixteenBitHorizontalDifferencingAsGdalWritesIt(int bands, boolean planar, boolean big)
            throws IOException {
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(GdalStyleTiff.write(64, 48, bands, planar, big)));
        assertEquals(big, reader.directory().bigTiff());
        assertEquals(planar, reader.directory().planar());
        Raster window = reader.read(new Rectangle(5, 7, 30, 20));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                for (int b = 0; b < bands; b++) {
                    assertEquals((x + 5) * 1000 + y + 7 + b, window.getSample(x, y, b), x + ", " + y + ", band " + b);
                }
            }
        }
    }

    /** GDAL's {@code -co COMPRESS=ZSTD}, with and without its predictor. */
    @ParameterizedTest(name = "{0} bands, predictor {1}")
    @MethodSource("zstdLayouts")
    void decodesZstdAsGdalWritesIt(int bands, boolean predictor) throws IOException {
        byte[] file = GdalStyleTiff.write(64, 48, bands, false, false, RawTiff.ZSTD, predictor);
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(file));
        Raster window = reader.read(new Rectangle(5, 7, 30, 20));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                for (int b = 0; b < bands; b++) {
                    assertEquals((x + 5) * 1000 + y + 7 + b, window.getSample(x, y, b), x + ", " + y + ", band " + b);
                }
            }
        }
    }

    static Stream<Arguments> zstdLayouts() {
        return Stream.of(1, 4).flatMap(bands -> Stream.of(false, true).map(predictor -> Arguments.of(bands,
                predictor)));
    }

    @Test
    void zstdThatDoesNotDecompressIsNamed() throws IOException {
        byte[] file = GdalStyleTiff.write(64, 48, 1, false, false, RawTiff.ZSTD, true);
        // the strip follows the directory's end; its frame header is replaced by bytes of no frame
        byte[] damaged = file.clone();
        int strip = damaged.length - 1;
        while (!(damaged[strip - 3] == (byte) 0x28 && damaged[strip - 2] == (byte) 0xb5
                && damaged[strip - 1] == (byte) 0x2f && damaged[strip] == (byte) 0xfd)) {
            strip--;
        }
        damaged[strip] = 0;
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(damaged));
        IOException error = assertThrows(IOException.class, () -> reader.read(new Rectangle(0, 0, 64, 48)));
        assertTrue(error.getMessage().contains("ZSTD data that does not decompress"), error.getMessage());
    }

    static Stream<Arguments> gdalLayouts() {
        return Stream.of(1, 3, 4).flatMap(bands -> Stream.of(false, true).flatMap(planar ->
                Stream.of(false, true).map(big -> Arguments.of(bands, planar, big))));
    }

    static Stream<Arguments> floatLayouts() {
        Stream<Layout> strips = Stream.of(1, 4).flatMap(bands -> Stream.of(false, true).flatMap(planar ->
                Stream.of(false, true).map(big -> new Layout(61, 45, bands, 32, planar, 0, big,
                        ByteOrder.LITTLE_ENDIAN))));
        Stream<Layout> more = Stream.of(
                new Layout(61, 45, 4, 32, false, 16, false, ByteOrder.BIG_ENDIAN),
                new Layout(61, 45, 4, 32, true, 16, true, ByteOrder.LITTLE_ENDIAN),
                new Layout(61, 45, 1, 64, false, 0, false, ByteOrder.LITTLE_ENDIAN),
                new Layout(61, 45, 4, 64, true, 16, true, ByteOrder.BIG_ENDIAN),
                new Layout(61, 45, 3, 64, false, 32, false, ByteOrder.LITTLE_ENDIAN));
        return Stream.concat(strips, more).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatLayouts")
    void undoesTheFloatingPointPredictorAsGdalWritesIt(Layout layout) throws IOException {
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(GdalStyleFloatTiff.write(layout)));
        assertTrue(reader.floatingPoint());
        assertEquals(layout.bits(), reader.bitsPerSample());
        assertEquals(layout.bands(), reader.bands());
        Rectangle whole = new Rectangle(0, 0, 61, 45);
        WritableRaster all = reader.read(whole);
        assertEquals(layout.bits() == 32 ? DataBuffer.TYPE_FLOAT : DataBuffer.TYPE_DOUBLE,
                all.getDataBuffer().getDataType());
        assertSampled(GdalStyleFloatTiff::value, whole, 1, all);
        assertSampled(GdalStyleFloatTiff::value, ACROSS_BLOCKS_OF_FLOATS, 1, reader.read(ACROSS_BLOCKS_OF_FLOATS));
        assertSampled(GdalStyleFloatTiff::value, ACROSS_BLOCKS_OF_FLOATS, 3, reader.read(ACROSS_BLOCKS_OF_FLOATS, 3));
        // sampled more sparsely than blocks are tall and wide: blocks without a sampled pixel are passed over
        assertSampled(GdalStyleFloatTiff::value, whole, 20, reader.read(whole, 20));
        assertSampled(GdalStyleFloatTiff::value, whole, 1, reader.image().getRaster());
    }

    static Stream<Arguments> plainFloatLayouts() {
        return Stream.of(null, "LZW", "Deflate", "PackBits").flatMap(compression ->
                Stream.of(Arguments.of(compression, 0, 1), Arguments.of(compression, 32, 4)));
    }

    /** Java's TIFF writer writes float samples without a predictor, big-endian. */
    @ParameterizedTest(name = "{0}, tile {1}, {2} bands")
    @MethodSource("plainFloatLayouts")
    void readsFloatSamplesToWhatJavasReaderReads(String compression, int tile, int bands) throws IOException {
        WritableRaster samples = Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT,
                150, 97, bands, 150 * bands, IntStream.range(0, bands).toArray()), null);
        for (int y = 0; y < 97; y++) {
            for (int x = 0; x < 150; x++) {
                for (int b = 0; b < bands; b++) {
                    samples.setSample(x, y, b, x * y % 11 == 0 ? Float.NaN : (x - 75) * 0.37f + y * 1e-3f * b);
                }
            }
        }
        Path file = TestRasters.tiff(folder.resolve("floats.tif"), samples, tile, List.of(), compression);
        try (FileChannel channel = FileChannel.open(file)) {
            TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(channel));
            assertTrue(reader.floatingPoint());
            assertSameFloats(javaReads(file, null, 1), reader.read(new Rectangle(0, 0, 150, 97)));
            assertSameFloats(javaReads(file, ACROSS_BLOCKS, 1), reader.read(ACROSS_BLOCKS));
            // Java's reader (JDK 17) truncates floats to integers when it subsamples: the samples written tell
            assertSampled(samples::getSampleDouble, ACROSS_BLOCKS, 4, reader.read(ACROSS_BLOCKS, 4));
            assertSameFloats(samples, reader.image().getRaster());
        }
    }

    @Test
    void integerPredictorsAndFloatsAreKeptApartWithTheWayOut() throws IOException {
        byte[] floats = GdalStyleFloatTiff.write(Layout.of(64, 48, 1));
        setField(floats, PREDICTOR, 2);
        IOException differencing = assertThrows(IOException.class, () -> TiffRasterReader.open(TiffBytes.of(floats)));
        assertTrue(differencing.getMessage().startsWith("horizontal differencing (predictor 2) on floating-point"
                + " samples"), differencing.getMessage());
        assertTrue(differencing.getMessage().contains("gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=3"),
                differencing.getMessage());
        byte[] integers = GdalStyleTiff.write(64, 48, false);
        setField(integers, PREDICTOR, 3);
        IOException floatingPoint = assertThrows(IOException.class,
                () -> TiffRasterReader.open(TiffBytes.of(integers)));
        assertTrue(floatingPoint.getMessage().startsWith("the floating-point predictor (3) on integer samples"),
                floatingPoint.getMessage());
        assertTrue(floatingPoint.getMessage().contains("gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=2"),
                floatingPoint.getMessage());
    }

    @Test
    void signedSamplesAreStillRefused() throws IOException {
        byte[] content = GdalStyleFloatTiff.write(Layout.of(64, 48, 1));
        setField(content, SAMPLE_FORMAT, 2);
        IOException error = assertThrows(IOException.class, () -> TiffRasterReader.open(TiffBytes.of(content)));
        assertTrue(error.getMessage().startsWith("32-bit signed samples, where Meander reads"), error.getMessage());
        assertTrue(error.getMessage().contains("gdal_translate -ot Float32"), error.getMessage());
    }

    @Test
    void aBlockCutShortIsNamed() throws IOException {
        byte[] content = GdalStyleTiff.write(64, 48, true);
        byte[] cut = java.util.Arrays.copyOf(content, content.length - 40);
        TiffRasterReader reader = TiffRasterReader.open(TiffBytes.of(cut));
        IOException error = assertThrows(IOException.class, () -> reader.read(new Rectangle(0, 0, 64, 48)));
        assertTrue(error.getMessage().contains("the file ends at byte " + cut.length), error.getMessage());
    }

    @Test
    void whatItCannotDecodeIsSaidWithTheWayOut() throws IOException {
        byte[] content = GdalStyleTiff.write(64, 48, true);
        // the Compression field's value (the 4th field, after 16 header and 8 count bytes): LERC, 34887
        content[16 + 8 + 3 * 20 + 12] = (byte) 0x47;
        content[16 + 8 + 3 * 20 + 13] = (byte) 0x88;
        IOException error = assertThrows(IOException.class, () -> TiffRasterReader.open(TiffBytes.of(content)));
        assertTrue(error.getMessage().startsWith("compressed with LERC (TIFF compression 34887), which Meander"
                + " cannot decode"), error.getMessage());
        assertTrue(error.getMessage().contains("gdal_translate"), error.getMessage());
    }

    /** A sample by its pixel and band. */
    private interface Expected {
        double at(int x, int y, int band);
    }

    /** Every step-th pixel of the window, from its top left one, holds the expected float or double to the bit. */
    private static void assertSampled(Expected expected, Rectangle window, int step, Raster actual) {
        assertEquals((window.width + step - 1) / step, actual.getWidth());
        assertEquals((window.height + step - 1) / step, actual.getHeight());
        boolean floats = actual.getDataBuffer().getDataType() == DataBuffer.TYPE_FLOAT;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                for (int b = 0; b < actual.getNumBands(); b++) {
                    double value = expected.at(window.x + x * step, window.y + y * step, b);
                    String where = (window.x + x * step) + ", " + (window.y + y * step) + ", band " + b;
                    if (floats) {
                        assertEquals((float) value, actual.getSampleFloat(x, y, b), where);
                    } else {
                        assertEquals(value, actual.getSampleDouble(x, y, b), where);
                    }
                }
            }
        }
    }

    /** The same floats to the bit (NaN equal to NaN). */
    private static void assertSameFloats(Raster expected, Raster actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        assertEquals(DataBuffer.TYPE_FLOAT, actual.getDataBuffer().getDataType());
        assertArrayEquals(expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (float[]) null),
                actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (float[]) null));
    }

    /** Sets the value of a short field of a classic little-endian TIFF that holds one. */
    private static void setField(byte[] content, int tag, int value) {
        ByteBuffer tiff = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int directory = tiff.getInt(4);
        for (int entry = directory + 2; entry < directory + 2 + tiff.getShort(directory) * 12; entry += 12) {
            if (tiff.getShort(entry) == tag) {
                tiff.putShort(entry + 8, (short) value);
                return;
            }
        }
        throw new IllegalArgumentException("no field " + tag);
    }

    private static void assertSameSamples(Raster expected, Raster actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        assertEquals(expected.getNumBands(), actual.getNumBands());
        // as doubles, which hold every sample of every type exactly
        double[] a = expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (double[]) null);
        double[] b = actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (double[]) null);
        assertArrayEquals(a, b);
    }

    /** Java's TIFF reader's samples of the window (null: all), every step-th pixel. */
    private static Raster javaReads(Path file, Rectangle window, int step) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            ImageReadParam param = reader.getDefaultReadParam();
            if (window != null) {
                param.setSourceRegion(window);
            }
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param).getRaster();
        } finally {
            reader.dispose();
        }
    }
}

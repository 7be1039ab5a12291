package org.meander.project.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.meander.testing.GdalStyleTiff;
import org.meander.testing.TestRasters;

/**
 * Meander's own TIFF reader decodes what Java's TIFF reader decodes to the same samples (every compression it
 * undoes, JPEG included, tiles and strips, 8 and 16 bits, one to five bands, windows across blocks, subsampling,
 * the GeoTIFF fields), and what Java's cannot: BigTIFF and 16-bit horizontal differencing, as GDAL writes them.
 */
class TiffRasterReaderTest {

    private static final Rectangle ACROSS_BLOCKS = new Rectangle(37, 21, 90, 60);

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
                    reader.georeferencing().orElseThrow().fields().stream()
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

    static Stream<Arguments> gdalLayouts() {
        return Stream.of(1, 3, 4).flatMap(bands -> Stream.of(false, true).flatMap(planar ->
                Stream.of(false, true).map(big -> Arguments.of(bands, planar, big))));
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
        // the Compression field's value (the 4th field, after 16 header and 8 count bytes): ZSTD, 50000
        content[16 + 8 + 3 * 20 + 12] = (byte) 0x50;
        content[16 + 8 + 3 * 20 + 13] = (byte) 0xc3;
        IOException error = assertThrows(IOException.class, () -> TiffRasterReader.open(TiffBytes.of(content)));
        assertTrue(error.getMessage().startsWith("compressed with ZSTD (TIFF compression 50000), which Meander"
                + " cannot decode"), error.getMessage());
        assertTrue(error.getMessage().contains("gdal_translate"), error.getMessage());
    }

    private static void assertSameSamples(Raster expected, Raster actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        assertEquals(expected.getNumBands(), actual.getNumBands());
        int[] a = expected.getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null);
        int[] b = actual.getPixels(0, 0, actual.getWidth(), actual.getHeight(), (int[]) null);
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

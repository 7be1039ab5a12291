package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.testing.Messages;

class NpyFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsShapesAndValues() throws IOException {
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 3.25f;
        }
        values[5] = Float.NaN;
        values[6] = Float.NEGATIVE_INFINITY;
        assertRoundTrip(new long[] {2, 3, 4}, values);
        assertRoundTrip(new long[] {5}, new float[] {1, 2, 3, 4, 5});
        assertRoundTrip(new long[0], new float[] {42});
        assertRoundTrip(new long[] {0, 7}, new float[0]);
        assertRoundTrip(new long[] {300_000}, new float[300_000]); // more than one write chunk
    }

    @Test
    void headerIsByteForByteWhatNumpyWrites() throws IOException {
        // numpy 2.4: np.save(f, np.zeros((1, 3, 256, 256), dtype='<f4'))
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 256, 256), }";
        byte[] expected = numpyHeader(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n");
        assertEquals(128, expected.length);

        Path file = dir.resolve("image.npy");
        NpyFile.write(file, new long[] {1, 3, 256, 256}, new float[3 * 256 * 256]);
        byte[] written = Files.readAllBytes(file);
        assertArrayEquals(expected, Arrays.copyOf(written, expected.length));
        assertEquals(128 + 3 * 256 * 256 * 4, written.length);
    }

    @Test
    void oneDimensionalShapeIsAPythonOneTuple() throws IOException {
        Path file = dir.resolve("v.npy");
        NpyFile.write(file, new long[] {5}, new float[5]);
        String header = new String(Files.readAllBytes(file), 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }" + " ".repeat(60) + "\n", header);
    }

    @Test
    void readsAFileAsNumpyWritesIt() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(numpyHeader(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n"));
        file.write(littleEndianFloats(1, 2, 3, 4, 5, 6.5f));
        Path path = Files.write(dir.resolve("np.npy"), file.toByteArray());

        FloatTensor tensor = NpyFile.read(path);
        assertArrayEquals(new long[] {2, 3}, tensor.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, tensor.data());
    }

    @Test
    void refusesOtherDtypes() throws IOException {
        Path file = crafted("double.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
        WeightsException e = assertThrows(WeightsException.class, () -> NpyFile.read(file));
        Messages.assertContains(e.getMessage(), "double.npy", "'<f8'", "<f4", "astype");
        Path bigEndian = crafted("big.npy", "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8);
        assertThrows(WeightsException.class, () -> NpyFile.read(bigEndian));
    }

    @Test
    void refusesFortranOrder() throws IOException {
        Path file = crafted("fortran.npy", "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 16);
        WeightsException e = assertThrows(WeightsException.class, () -> NpyFile.read(file));
        Messages.assertContains(e.getMessage(), "fortran.npy", "Fortran", "ascontiguousarray");
    }

    @Test
    void refusesTruncatedAndForeignFiles() throws IOException {
        Path cut = crafted("cut.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", 12);
        WeightsException truncated = assertThrows(WeightsException.class, () -> NpyFile.read(cut));
        Messages.assertContains(truncated.getMessage(), "cut.npy", "16", "12", "truncated");

        Path png = Files.write(dir.resolve("image.npy"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        WeightsException foreign = assertThrows(WeightsException.class, () -> NpyFile.read(png));
        Messages.assertContains(foreign.getMessage(), "image.npy", "not a NumPy .npy file");

        Path noShape = crafted("noshape.npy", "{'descr': '<f4', 'fortran_order': False}", 0);
        WeightsException shapeless = assertThrows(WeightsException.class, () -> NpyFile.read(noShape));
        Messages.assertContains(shapeless.getMessage(), "noshape.npy", "'shape'");
    }

    private void assertRoundTrip(long[] shape, float[] values) throws IOException {
        Path file = dir.resolve("t.npy");
        NpyFile.write(file, shape, values);
        FloatTensor back = NpyFile.read(file);
        assertArrayEquals(shape, back.shape());
        assertArrayEquals(values, back.data());
        assertEquals(0, (Files.size(file) - values.length * 4L) % 64, "header padded to 64 bytes");
    }

    private Path crafted(String name, String dict, int dataBytes) throws IOException {
        byte[] header = numpyHeader(dict + "\n");
        return Files.write(dir.resolve(name), CraftedFiles.concat(header, new byte[dataBytes]));
    }

    /** Magic, version 1.0 and little-endian header length, then the header text. */
    private static byte[] numpyHeader(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        byte[] preamble = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) ascii.length,
                (byte) (ascii.length >> 8)};
        return CraftedFiles.concat(preamble, ascii);
    }

    private static byte[] littleEndianFloats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }
}

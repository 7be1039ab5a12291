package org.meander.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's .npy format for little-endian float32 arrays in C order: what Meander exchanges with NumPy-based tools.
 * Files are written exactly as {@code numpy.save} writes them (format 1.0, header padded to 64 bytes); reading also
 * accepts the 2.0 and 3.0 headers numpy uses for very long shapes.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** numpy leaves room in the header for the first axis to grow to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final String FLOAT32 = "<f4";
    private static final int LONGEST_PREAMBLE = MAGIC.length + 2 + 4;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /** Writes atomically (see {@link AtomicFile}); the shape must match the data's length. */
    public static void write(Path file, long[] shape, float[] data) throws IOException {
        FloatTensor tensor = new FloatTensor(shape, data);
        byte[] header = header(file, tensor.shape());
        AtomicFile.replace(file, channel -> {
            ChannelIo.writeFully(channel, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < data.length; start += chunk.capacity() / Float.BYTES) {
                int count = Math.min(chunk.capacity() / Float.BYTES, data.length - start);
                chunk.clear();
                chunk.asFloatBuffer().put(data, start, count);
                chunk.limit(count * Float.BYTES);
                ChannelIo.writeFully(channel, chunk);
            }
        });
    }

    /** The magic, version 1.0, header length and header dictionary, byte for byte as numpy writes them. */
    static byte[] header(Path file, long[] shape) throws WeightsException {
        StringBuilder dict = new StringBuilder("{'descr': '" + FLOAT32 + "', 'fortran_order': False, 'shape': "
                + pythonTuple(shape) + ", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int preamble = MAGIC.length + 2 + 2;
        int padding = ALIGNMENT - (preamble + dict.length() + 1) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        if (dict.length() > 0xffff) {
            throw new WeightsException(file + ": shape " + Arrays.toString(shape) + " has too many dimensions "
                    + "for an .npy 1.0 header.");
        }
        ByteBuffer header = ByteBuffer.allocate(preamble + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
        header.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        return header.array();
    }

    private static String pythonTuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    public static FloatTensor read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer preamble = ByteBuffer.allocate((int) Math.min(size, LONGEST_PREAMBLE))
                    .order(ByteOrder.LITTLE_ENDIAN);
            ChannelIo.readFully(file, channel, preamble, 0);
            if (preamble.capacity() < MAGIC.length + 4
                    || !Arrays.equals(Arrays.copyOf(preamble.array(), MAGIC.length), MAGIC)) {
                throw new WeightsException(file + ": not a NumPy .npy file (it does not start with \\x93NUMPY); "
                        + "save the array with numpy.save.");
            }
            int major = preamble.get(MAGIC.length);
            long dictStart;
            long dictLength;
            if (major == 1) {
                dictStart = MAGIC.length + 2 + 2;
                dictLength = Short.toUnsignedInt(preamble.getShort(MAGIC.length + 2));
            } else if ((major == 2 || major == 3) && preamble.capacity() >= LONGEST_PREAMBLE) {
                dictStart = LONGEST_PREAMBLE;
                dictLength = Integer.toUnsignedLong(preamble.getInt(MAGIC.length + 2));
            } else {
                throw new WeightsException(file + ": .npy format version " + major + " is not supported (1.0 to "
                        + "3.0 are); save the array again with numpy.save.");
            }
            if (dictStart + dictLength > size) {
                throw new WeightsException(file + ": the header runs past the end of the file; the file looks "
                        + "truncated: write or copy it again.");
            }
            ByteBuffer dictBytes = ByteBuffer.allocate((int) dictLength);
            ChannelIo.readFully(file, channel, dictBytes, dictStart);
            String dict = new String(dictBytes.array(), StandardCharsets.UTF_8);
            long[] shape = parseShape(file, dict);
            return new FloatTensor(shape, readData(file, channel, dictStart + dictLength, shape));
        }
    }

    private static long[] parseShape(Path file, String dict) throws WeightsException {
        String descr = group(file, DESCR, dict, "descr");
        if (!descr.equals(FLOAT32)) {
            throw new WeightsException(file + ": holds dtype '" + descr + "', but Meander reads only little-endian "
                    + "float32 ('" + FLOAT32 + "'); convert it with numpy: np.save(path, a.astype('<f4')).");
        }
        if (group(file, FORTRAN_ORDER, dict, "fortran_order").equals("True")) {
            throw new WeightsException(file + ": the array is stored in Fortran (column-major) order, but Meander "
                    + "reads only C order; save np.ascontiguousarray(a) instead.");
        }
        String[] dims = group(file, SHAPE, dict, "shape").split(",");
        try {
            return Arrays.stream(dims).map(String::strip).filter(dim -> !dim.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new WeightsException(file + ": the header's shape is not a tuple of integers (" + dict.strip()
                    + "); save the array again with numpy.save.", e);
        }
    }

    private static String group(Path file, Pattern pattern, String dict, String key) throws WeightsException {
        Matcher matcher = pattern.matcher(dict);
        if (!matcher.find()) {
            throw new WeightsException(file + ": the header has no readable '" + key + "' (" + dict.strip()
                    + "); save the array again with numpy.save.");
        }
        return matcher.group(1);
    }

    private static int elementCount(Path file, long[] shape) throws WeightsException {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new WeightsException(file + ": shape " + Arrays.toString(shape) + " has a negative "
                        + "dimension; the header is damaged: write or copy the file again.");
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                count = Long.MAX_VALUE;
            }
        }
        if (count > Integer.MAX_VALUE - 8) { // the largest array a JVM reliably allocates
            throw new WeightsException(file + ": shape " + Arrays.toString(shape) + " is too large for one Java "
                    + "array; Meander cannot load it.");
        }
        return (int) count;
    }

    private static float[] readData(Path file, FileChannel channel, long dataStart, long[] shape)
            throws IOException {
        int count = elementCount(file, shape);
        long bytes = (long) count * Float.BYTES;
        if (channel.size() - dataStart < bytes) {
            throw new WeightsException(file + ": shape " + Arrays.toString(shape) + " needs " + bytes
                    + " bytes of data but the file holds " + (channel.size() - dataStart) + "; the file looks "
                    + "truncated: write or copy it again.");
        }
        float[] data = new float[count];
        channel.map(FileChannel.MapMode.READ_ONLY, dataStart, bytes).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(data);
        return data;
    }
}

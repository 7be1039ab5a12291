package org.meander.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * One open safetensors file. Opening reads and validates only the header; {@link #readFloats} memory-maps just the
 * bytes of the tensor it reads, so files far larger than 2 GiB (SAM ViT-H is 2.5 GB) work without reading them
 * whole.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** No real header comes near this; a larger length means the file is not safetensors at all. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final int LENGTH_PREFIX_BYTES = 8;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final SafetensorsHeader header;
    private final List<String> names;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, SafetensorsHeader header) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.header = header;
        this.names = List.copyOf(header.tensors().keySet()); // the header keeps them sorted
    }

    public static SafetensorsFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            long headerLength = readHeaderLength(file, channel, size);
            ByteBuffer json = ByteBuffer.allocate((int) headerLength);
            ChannelIo.readFully(file, channel, json, LENGTH_PREFIX_BYTES);
            long dataStart = LENGTH_PREFIX_BYTES + headerLength;
            SafetensorsHeader header = SafetensorsHeader.parse(file, json.array(), size - dataStart);
            return new SafetensorsFile(file, channel, dataStart, header);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    private static long readHeaderLength(Path file, FileChannel channel, long size) throws IOException {
        if (size < LENGTH_PREFIX_BYTES) {
            throw new WeightsException(file + ": only " + size + " bytes long, too short for a safetensors file; "
                    + "it looks truncated: download it again.");
        }
        ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ChannelIo.readFully(file, channel, prefix, 0);
        long headerLength = prefix.getLong(0);
        // An unsigned length above 2^63 reads as negative: just as absurd as one above the limit.
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new WeightsException(file + ": the header length field says " + Long.toUnsignedString(headerLength)
                    + " bytes, more than any safetensors header (limit " + MAX_HEADER_BYTES + "); this is not a "
                    + "safetensors file or it is damaged: check the file, or download it again.");
        }
        if (LENGTH_PREFIX_BYTES + headerLength > size) {
            throw new WeightsException(file + ": the header length field says " + headerLength + " bytes but the "
                    + "file has only " + size + " bytes; the file looks truncated or is not a safetensors file: "
                    + "download it again.");
        }
        return headerLength;
    }

    private static void closeAfterFailure(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    public Path path() {
        return path;
    }

    /** The "__metadata__" entry of the header; empty when the file has none. */
    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** All tensor names, sorted. */
    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return header.tensors().containsKey(name);
    }

    public TensorInfo info(String name) throws WeightsException {
        TensorInfo info = header.tensors().get(name);
        if (info == null) {
            throw new WeightsException(path + ": has no tensor '" + name + "' (it holds " + names.size()
                    + " tensors); check the name, or that this is the checkpoint you meant to use.");
        }
        return info;
    }

    /** The tensor's values as float32; F16, BF16 and U8 values are widened exactly, F64 and I64 rounded. */
    public float[] readFloats(String name) throws IOException {
        TensorInfo info = info(name);
        long count = info.elementCount();
        if (count > Integer.MAX_VALUE - 8) { // the largest array a JVM reliably allocates
            throw new WeightsException(path + ": tensor '" + name + "' has " + count
                    + " elements, more than a Java array can hold; Meander cannot load it.");
        }
        if (!channel.isOpen()) {
            throw new IllegalStateException(path + " was already closed; open it again to read '" + name + "'");
        }
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + info.begin(),
                info.end() - info.begin());
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        switch (info.dtype()) {
            case F32 -> {
                bytes.asFloatBuffer().get(values);
            }
            case F16 -> {
                ShortBuffer halves = bytes.asShortBuffer();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float16.toFloat(halves.get(i));
                }
            }
            case BF16 -> {
                ShortBuffer halves = bytes.asShortBuffer();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float16.bf16ToFloat(halves.get(i));
                }
            }
            case F64 -> {
                DoubleBuffer doubles = bytes.asDoubleBuffer();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) doubles.get(i);
                }
            }
            case I64 -> {
                LongBuffer longs = bytes.asLongBuffer();
                for (int i = 0; i < values.length; i++) {
                    values[i] = longs.get(i);
                }
            }
            case U8 -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = bytes.get(i) & 0xff;
                }
            }
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

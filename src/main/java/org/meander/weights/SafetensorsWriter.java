package org.meander.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Writes float tensors as a safetensors file, atomically (see {@link AtomicFile}). */
public final class SafetensorsWriter {

    /** The format pads the header so that the data section starts 8-byte aligned. */
    private static final int HEADER_ALIGNMENT = 8;
    private static final int CHUNK_BYTES = 1 << 20;

    private SafetensorsWriter() {
    }

    /**
     * Writes {@code tensors} (in name order) converted to {@code dtype}; F16 and BF16 round to nearest even.
     * Everything is checked before the file is touched, and on failure the old file stays as it was.
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata,
            TensorDtype dtype) throws IOException {
        if (!dtype.isWritable()) {
            throw new IllegalArgumentException(file + ": Meander writes F32, F16 or BF16 tensors, not " + dtype);
        }
        Map<String, FloatTensor> sorted = checkedTensors(file, tensors);
        byte[] header = header(file, sorted, metadata, dtype);
        AtomicFile.replace(file, channel -> {
            ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            ChannelIo.writeFully(channel, prefix.flip());
            ChannelIo.writeFully(channel, ByteBuffer.wrap(header));
            writeData(channel, sorted, dtype);
        });
    }

    private static Map<String, FloatTensor> checkedTensors(Path file, Map<String, FloatTensor> tensors)
            throws WeightsException {
        Map<String, FloatTensor> sorted = new TreeMap<>();
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
            String name = entry.getKey();
            if (name == null || name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new WeightsException(file + ": cannot write a tensor named '" + name
                        + "': a tensor needs a non-empty name other than " + SafetensorsHeader.METADATA_KEY + ".");
            }
            if (entry.getValue() == null) {
                throw new WeightsException(file + ": cannot write tensor '" + name + "': it has no data (null).");
            }
            sorted.put(name, entry.getValue());
        }
        return sorted;
    }

    private static byte[] header(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata,
            TensorDtype dtype) throws WeightsException {
        ObjectNode root = WeightsJson.MAPPER.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode entries = root.putObject(SafetensorsHeader.METADATA_KEY);
            for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                if (entry.getValue() == null) {
                    throw new WeightsException(file + ": cannot write metadata '" + entry.getKey()
                            + "' without a value; safetensors metadata values are strings.");
                }
                entries.put(entry.getKey(), entry.getValue());
            }
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
            FloatTensor tensor = entry.getValue();
            long end = offset + (long) tensor.data().length * dtype.byteSize();
            ObjectNode node = root.putObject(entry.getKey());
            node.put("dtype", dtype.name());
            Arrays.stream(tensor.shape()).forEach(node.putArray("shape")::add);
            node.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = WeightsJson.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new WeightsException(file + ": cannot encode the header (" + e.getOriginalMessage() + ")", e);
        }
        int padded = (json.length + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    /** Streams the values through a small buffer: a checkpoint's worth of bytes never sits in memory at once. */
    private static void writeData(FileChannel channel, Map<String, FloatTensor> tensors, TensorDtype dtype)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (FloatTensor tensor : tensors.values()) {
            for (float value : tensor.data()) {
                if (chunk.remaining() < dtype.byteSize()) {
                    ChannelIo.writeFully(channel, chunk.flip());
                    chunk.clear();
                }
                switch (dtype) {
                    case F32 -> chunk.putFloat(value);
                    case F16 -> chunk.putShort(Float16.fromFloat(value));
                    case BF16 -> chunk.putShort(Float16.floatToBf16(value));
                    default -> throw new IllegalStateException("not writable: " + dtype);
                }
            }
        }
        ChannelIo.writeFully(channel, chunk.flip());
    }
}

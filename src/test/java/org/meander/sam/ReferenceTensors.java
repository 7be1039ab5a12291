package org.meander.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few tensors the tests need from a reference safetensors file (F64 statistics, F32 logits, U8 packed masks).
 * Deliberately minimal and test-only: the real reader lives in {@code org.meander.weights} and has no F64.
 */
final class ReferenceTensors {

    private final Path file;
    private final JsonNode header;
    private final ByteBuffer data;

    private ReferenceTensors(Path file, JsonNode header, ByteBuffer data) {
        this.file = file;
        this.header = header;
        this.data = data;
    }

    /** Layout: 8-byte little-endian header length, the JSON header, then the data that its offsets point into. */
    static ReferenceTensors open(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Math.toIntExact(bytes.getLong(0));
        JsonNode header = new ObjectMapper().readTree(bytes.array(), 8, headerLength);
        ByteBuffer data = bytes.slice(8 + headerLength, bytes.capacity() - 8 - headerLength).order(ByteOrder.LITTLE_ENDIAN);
        return new ReferenceTensors(file, header, data);
    }

    static Path shared() {
        return Path.of(System.getProperty("meander.shared"));
    }

    double[] f64(String name) {
        ByteBuffer b = tensor(name, "F64");
        double[] values = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(values);
        return values;
    }

    float[] f32(String name) {
        ByteBuffer b = tensor(name, "F32");
        float[] values = new float[b.remaining() / 4];
        b.asFloatBuffer().get(values);
        return values;
    }

    byte[] u8(String name) {
        ByteBuffer b = tensor(name, "U8");
        byte[] values = new byte[b.remaining()];
        b.get(values);
        return values;
    }

    private ByteBuffer tensor(String name, String dtype) {
        JsonNode info = header.get(name);
        if (info == null) {
            throw new IllegalArgumentException(file + " has no tensor " + name);
        }
        if (!info.get("dtype").asText().equals(dtype)) {
            throw new IllegalArgumentException(file + ": " + name + " is " + info.get("dtype").asText() + ", not " + dtype);
        }
        int begin = info.get("data_offsets").get(0).asInt();
        int end = info.get("data_offsets").get(1).asInt();
        return data.slice(begin, end - begin).order(ByteOrder.LITTLE_ENDIAN);
    }
}

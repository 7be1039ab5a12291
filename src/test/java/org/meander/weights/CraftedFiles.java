package org.meander.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Hand-made files for tests that need what the writer would never produce. */
final class CraftedFiles {

    private CraftedFiles() {
    }

    /** A safetensors file with the given header JSON followed by {@code dataBytes} zero bytes. */
    static Path safetensors(Path file, String headerJson, int dataBytes) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        return withLengthField(file, json.length, concat(json, new byte[dataBytes]));
    }

    /** An 8-byte little-endian length field (which may lie) followed by {@code rest}. */
    static Path withLengthField(Path file, long headerLength, byte[] rest) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(headerLength).put(rest);
        return Files.write(file, bytes.array());
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** The names of everything in a folder, to spot left-over temporary files. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}

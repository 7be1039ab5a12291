package org.meander.weights.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a file's bytes must hash to. Git LFS files are named by the SHA-256 of their content; small files by their
 * Git blob id, the SHA-1 of {@code "blob <size>\0"} followed by the content.
 */
public record Checksum(String algorithm, String hex, String prefix) {

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex.toLowerCase(Locale.ROOT), "");
    }

    public static Checksum gitBlob(String hex, long size) {
        return new Checksum("SHA-1", hex.toLowerCase(Locale.ROOT), "blob " + size + "\0");
    }

    /** The file's hash, computed the way this checksum's was. */
    public String of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
        digest.update(prefix.getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** "sha256" or "git blob id", as a message names it. */
    public String kind() {
        return prefix.isEmpty() ? "sha256" : "git blob id";
    }
}

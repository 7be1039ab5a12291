package org.meander.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A tile's content hash (SHA-256 of its file): an embedding is keyed by what the tile shows, not by its name. */
public record TileKey(String sha256) {

    public static TileKey of(Path tile) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(tile), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new TileKey(HexFormat.of().formatHex(digest.digest()));
    }
}

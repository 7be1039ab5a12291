package org.meander.weights;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same folder, is flushed to disk, and is
 * then renamed over the target. A crash or error leaves either the old file or the new one, never half of one.
 */
public final class AtomicFile {

    /** Writes the whole content into the channel, which is positioned at the start of an empty file it may read. */
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** The names {@link #replace} gives its temporary files: the target's, hidden, and a random number. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private AtomicFile() {
    }

    /** Whether a file of this name is a temporary file of {@link #replace}, as a write stopped midway leaves it. */
    public static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    /**
     * Fails, naming the target, when no file can be written there: it is a folder, or its folder is missing. Said of
     * the target before the work: a write's own failure would name the hidden temporary file.
     */
    public static void requireWritable(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder; give the name of a file to write");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(target + ": the folder " + folder + (Files.exists(folder)
                    ? " is a file" : " does not exist; create it first"));
        }
    }

    public static void replace(Path target, Content content) throws IOException {
        requireWritable(target);
        Path folder = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: it makes the file owner-only, and the rename would carry that over to the
        // target; a plain new file gets the usual permissions.
        Path temporary = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // readable too: ImageIO's TIFF writer reads back what it wrote when it fills in offsets
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException deleting) {
                failure.addSuppressed(deleting);
            }
            throw failure;
        }
    }
}

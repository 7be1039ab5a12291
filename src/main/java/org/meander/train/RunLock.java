package org.meander.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A run held by the process training it: an OS lock on the run folder's {@code .training.lock}, held for the whole
 * run, so that a second trainer (the command line, or a window's Train tab) is refused rather than writing the same
 * checkpoints. The OS releases it when the process dies, however it dies: a run that says RUNNING but whose lock
 * no process holds was interrupted. The file stays; it holds nothing while unlocked.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE_NAME = ".training.lock";
    /** A status check elsewhere holds the lock for an instant: a run is refused only if it stays held this long. */
    private static final long PATIENCE_MILLIS = 250;

    /**
     * The lock files this process holds, by real path. An OS lock belongs to the whole process, and closing any
     * channel to its file releases it: this process must not open a lock file it holds, even to test it.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run's lock; an error names the run when another process (or this one) is training it. */
    public static RunLock take(RunFolder folder) throws IOException, InterruptedException {
        synchronized (HELD) {
            Path key = keyOf(folder);
            if (HELD.contains(key)) {
                throw new IOException(folder.directory() + ": run " + folder.name() + " is training already in this"
                        + " Meander; let it finish, or stop it, then resume it");
            }
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lock(channel);
                if (lock == null) {
                    throw new IOException(folder.directory() + ": run " + folder.name() + " is being trained by"
                            + " another Meander process (it holds " + FILE_NAME + "); let it finish, or stop it"
                            + " there (Ctrl+C, or Stop in its Train tab), then resume it");
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                channel.close();
                throw e;
            }
            HELD.add(key);
            return new RunLock(key, channel, lock);
        }
    }

    /** Whether a process, this one or another, trains the run now. */
    public static boolean isHeld(RunFolder folder) throws IOException {
        synchronized (HELD) {
            if (!Files.exists(folder.lock())) {
                return false;
            }
            Path key = keyOf(folder);
            if (HELD.contains(key)) {
                return true;
            }
            // a shared lock, read-only: a project on a share one may not write to is checked too
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            }
        }
    }

    /** Tries to lock for {@link #PATIENCE_MILLIS}; null when another process holds the lock all along. */
    private static FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        for (FileLock lock = channel.tryLock(); ; lock = channel.tryLock()) {
            if (lock != null || System.nanoTime() > deadline) {
                return lock;
            }
            Thread.sleep(25);
        }
    }

    private static Path keyOf(RunFolder folder) throws IOException {
        return folder.directory().toRealPath().resolve(FILE_NAME);
    }

    /** Releases the run. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            try (channel) {
                lock.release();
            } finally {
                HELD.remove(key);
            }
        }
    }
}

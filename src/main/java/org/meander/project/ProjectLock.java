package org.meander.project;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The project's lock, {@code .meander.json.lock} (hidden, left in place): held by whoever changes meander.json, and
 * for the whole of a change that moves a tile's files too ({@link TileChange}), so that another program sees either
 * none of such a change or all of it, or, once the lock is free, a change whose program died part way.
 */
final class ProjectLock {

    static final String FILE_NAME = ".meander.json.lock";

    /** Projects whose lock a thread of this process holds; guarded by the class, which that thread holds too. */
    private static final Set<Path> HELD = new HashSet<>();

    /** Work done holding the lock. */
    interface Work<T> {
        T run() throws IOException;
    }

    private ProjectLock() {
    }

    /**
     * Runs {@code work} holding the project's lock, waiting for it; work that holds it already (a tile's change
     * writing meander.json) goes on holding it.
     */
    static <T> T holding(Path directory, Work<T> work) throws IOException {
        // an OS lock belongs to the whole process, so this process's threads take turns first
        synchronized (ProjectLock.class) {
            Path key = directory.toAbsolutePath().normalize();
            if (HELD.contains(key)) {
                return work.run(); // this thread holds it: only the thread holding the class can be here
            }
            try (FileChannel channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                HELD.add(key);
                try {
                    return work.run();
                } finally {
                    HELD.remove(key);
                }
            }
        }
    }
}

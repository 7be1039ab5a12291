package org.meander.weights.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.meander.weights.SamLoader;
import org.meander.weights.WeightsException;
import org.meander.weights.hub.DownloadProgress.Step;

/**
 * Downloads a model from the hub into the models folder. Files gather in a hidden download folder, each verified
 * against the hub's checksum as it completes; when all are there and the folder passes {@link SamLoader#check},
 * the folder is renamed into place in one step, so a model folder is either complete or absent. An interrupted
 * download resumes: verified files are kept, a partial file continues from its last byte. The download folder
 * remembers the commit it was taken from and starts afresh if the repository has changed since.
 */
public final class ModelDownloader {

    private static final String REVISION_FILE = ".revision";

    private final Hub hub;
    private final ModelStore store;
    private final FileTransfer transfer;

    public ModelDownloader(Hub hub, ModelStore store, DownloadPolicy policy) {
        this.hub = hub;
        this.store = store;
        this.transfer = new FileTransfer(hub, policy);
    }

    public static ModelDownloader standard() {
        return new ModelDownloader(Hub.standard(), ModelStore.standard(), DownloadPolicy.standard());
    }

    public ModelStore store() {
        return store;
    }

    public Hub hub() {
        return hub;
    }

    /**
     * Returns the model's folder, downloading it first unless it is already there. Cancelling (the supplier
     * turning true) ends it with a {@link java.util.concurrent.CancellationException} and keeps what arrived.
     */
    public Path download(HubRepo repo, Consumer<DownloadProgress> progress, BooleanSupplier cancelled)
            throws IOException {
        Path target = store.folderOf(repo);
        if (store.isInstalled(repo)) {
            return target;
        }
        if (Files.exists(target)) {
            throw new WeightsException(target + " exists but holds no model (no config.json); move it away or"
                    + " delete it, then download again.");
        }
        progress.accept(new DownloadProgress(null, Step.LISTING, 0, -1));
        HubListing listing = hub.listing(repo);
        List<HubFile> files = ModelFiles.first(listing); // refuses a repository without usable weights up front
        Path staging = store.stagingOf(repo);
        Path lockPath = store.lockOf(repo);
        Files.createDirectories(staging.getParent());
        try (FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lock(lockFile, repo);
            try {
                startOrResume(staging, listing.revision());
                fetchAll(listing, files, staging, progress, cancelled);
                install(repo, staging, target);
            } finally {
                // deleted while still held, so no other download can lock this file and then see it vanish
                deleteQuietly(lockPath);
                lock.release();
            }
        }
        return target;
    }

    private static void install(HubRepo repo, Path staging, Path target) throws IOException {
        try {
            SamLoader.check(staging);
        } catch (IOException e) {
            deleteTree(staging);
            throw new WeightsException(repo + " was downloaded but is not a SAM model Meander can use, so it"
                    + " was removed: " + e.getMessage(), e);
        }
        Files.delete(staging.resolve(REVISION_FILE));
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void fetchAll(HubListing listing, List<HubFile> first, Path staging,
                          Consumer<DownloadProgress> progress, BooleanSupplier cancelled) throws IOException {
        List<HubFile> files = new ArrayList<>(first);
        HubFile last = files.get(files.size() - 1);
        if (ModelFiles.isIndex(last)) {
            // the index is small; it names the shards, which make up nearly all of the total
            fetch(listing, last, staging, 0, -1, progress, cancelled);
            files.addAll(ModelFiles.shards(listing, staging.resolve(last.name())));
        }
        long total = files.stream().anyMatch(f -> f.size() < 0) ? -1
                : files.stream().mapToLong(HubFile::size).sum();
        long done = 0;
        for (HubFile file : files) {
            fetch(listing, file, staging, done, total, progress, cancelled);
            done += Math.max(0, file.size());
        }
    }

    private void fetch(HubListing listing, HubFile file, Path staging, long before, long total,
                       Consumer<DownloadProgress> progress, BooleanSupplier cancelled) throws IOException {
        if (Files.isRegularFile(staging.resolve(file.name()))) {
            return; // verified by an earlier attempt: only verified files get their own name
        }
        transfer.fetch(listing, file, staging,
                bytes -> progress.accept(new DownloadProgress(file.name(), Step.DOWNLOADING, before + bytes, total)),
                () -> progress.accept(new DownloadProgress(file.name(), Step.VERIFYING,
                        before + Math.max(0, file.size()), total)),
                cancelled);
    }

    private static FileLock lock(FileChannel lockFile, HubRepo repo) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            throw new WeightsException(repo + " is already being downloaded (by this or another Meander); wait"
                    + " for that download to finish.");
        }
        return lock;
    }

    /** Keeps an earlier download of the same commit; one of another commit is discarded. */
    private static void startOrResume(Path staging, String revision) throws IOException {
        Path revisionFile = staging.resolve(REVISION_FILE);
        if (Files.isDirectory(staging)
                && !(Files.isRegularFile(revisionFile) && Files.readString(revisionFile).equals(revision))) {
            deleteTree(staging);
        }
        Files.createDirectories(staging);
        if (!Files.exists(revisionFile)) {
            Files.writeString(revisionFile, revision);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stillOpen) {
            // Windows refuses to delete an open file; a lock file left behind is harmless
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

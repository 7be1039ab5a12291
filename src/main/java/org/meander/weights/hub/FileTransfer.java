package org.meander.weights.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meander.weights.WeightsException;

/**
 * Fetches one file of a repository into a folder. The bytes go to {@code <name>.part}, which survives an
 * interruption: the next attempt (in this run, or a later one) asks only for the rest with an HTTP Range request.
 * Once complete, the file is hashed against the hub's checksum and only then renamed to its own name, so a file
 * under its own name is always whole and verified.
 */
final class FileTransfer {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private static final int BUFFER = 1 << 20;

    private final Hub hub;
    private final DownloadPolicy policy;

    FileTransfer(Hub hub, DownloadPolicy policy) {
        this.hub = hub;
        this.policy = policy;
    }

    /** The file's bytes so far, as {@link #fetch} leaves them when it stops early. */
    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Makes {@code folder/<file name>} the verified file; progress gets the file's bytes on disk so far, and the
     * file is hashed after {@code verifying} runs. Throws {@link CancellationException} when cancelled.
     */
    void fetch(HubListing listing, HubFile file, Path folder, LongConsumer progress, Runnable verifying,
               BooleanSupplier cancelled) throws IOException {
        Path target = folder.resolve(file.name());
        Files.createDirectories(target.getParent());
        Path part = partOf(target);
        URI url = hub.fileUrl(listing.repo(), listing.revision(), file.name());
        Interrupted last = null;
        boolean complete = false;
        for (int attempt = 1; attempt <= policy.attempts() && !complete; attempt++) {
            if (attempt > 1) {
                pause(policy.firstRetryDelay().toMillis() << Math.min(attempt - 2, 5), cancelled, url);
            }
            try {
                complete = transferOnce(listing, file, part, url, progress, cancelled);
            } catch (Interrupted e) {
                last = e;
            }
        }
        if (!complete) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            String message = url + ": the download stopped at " + megabytes(have) + " of "
                    + (file.size() < 0 ? "?" : megabytes(file.size())) + " after " + policy.attempts()
                    + " attempts (" + last.getMessage() + "). Download again to resume from there.";
            if (last.getCause() instanceof ConnectException) {
                throw new HubUnreachableException(message + " If this computer is offline, choose a local folder"
                        + " that holds a SAM model instead.", last);
            }
            throw new WeightsException(message, last);
        }
        verifying.run();
        verify(file, part, target, url);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One request; true when the part file then holds the whole file. */
    private boolean transferOnce(HubListing listing, HubFile file, Path part, URI url, LongConsumer progress,
                                 BooleanSupplier cancelled) throws IOException {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("download of " + url + " cancelled");
        }
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (file.size() >= 0 && have > file.size()) {
            have = 0; // longer than the file can be: not a prefix of it
        }
        if (file.size() >= 0 && have == file.size()) {
            return true;
        }
        progress.accept(have);
        HttpResponse<InputStream> response;
        try {
            response = hub.open(listing.repo(), listing.revision(), file.name(), have);
        } catch (HubUnreachableException e) {
            throw new Interrupted(e.getCause() instanceof ConnectException ? "cannot connect" : "no answer",
                    e.getCause());
        } catch (InterruptedIOException e) {
            throw new CancellationException("download of " + url + " interrupted");
        } catch (IOException e) {
            throw new Interrupted(describe(e), e);
        }
        long start = startOf(response, have, url);
        try (InputStream body = response.body();
             FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             StallWatch watch = new StallWatch(body, policy.stallTimeout(), cancelled)) {
            channel.truncate(start);
            channel.position(start);
            long written = copy(body, channel, watch, progress, start, part);
            channel.force(false);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("download of " + url + " cancelled at " + megabytes(written));
            }
            if (watch.stalled()) {
                throw new Interrupted("no data for " + policy.stallTimeout().toSeconds() + " s", null);
            }
            if (file.size() >= 0 && written != file.size()) {
                throw new Interrupted("the connection ended after " + megabytes(written), null);
            }
            return true;
        }
    }

    /** Where the response's bytes start in the file: {@code have} for a resumed transfer, 0 for a whole one. */
    private static long startOf(HttpResponse<InputStream> response, long have, URI url) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return 0; // a whole file, also when a Range was asked for and ignored
        }
        if (status == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range);
            if (m.matches() && Long.parseLong(m.group(1)) == have) {
                return have;
            }
            response.body().close();
            throw new Interrupted("asked for the bytes from " + have + " on, got \"" + range + "\"", null);
        }
        response.body().close();
        if (status == 416) {
            throw new Interrupted("HTTP 416: the partial file does not fit the file on the hub", null);
        }
        if (status == 401 || status == 403 || status == 404 || status == 410) {
            throw new WeightsException(url + ": the hub answered HTTP " + status + " for a file its own listing"
                    + " names; the repository may have changed, or become private: try again later.");
        }
        throw new Interrupted("HTTP " + status, null);
    }

    private static long copy(InputStream body, FileChannel channel, StallWatch watch, LongConsumer progress,
                             long start, Path part) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long written = start;
        while (true) {
            int n;
            try {
                n = body.read(buffer);
            } catch (IOException e) {
                channel.force(false);
                throw new Interrupted(watch.stalled() ? "no data for a while" : describe(e), e);
            }
            if (n < 0) {
                return written;
            }
            watch.progressed();
            try {
                channel.write(ByteBuffer.wrap(buffer, 0, n));
            } catch (IOException e) {
                throw new WeightsException(part + ": cannot write the download (" + e.getMessage()
                        + "); is the disk full?", e);
            }
            written += n;
            progress.accept(written);
        }
    }

    private static void verify(HubFile file, Path part, Path target, URI url) throws IOException {
        if (file.checksum().isEmpty()) {
            return; // the hub gave no checksum; the size is all that can be checked
        }
        Checksum expected = file.checksum().get();
        String actual = expected.of(part);
        if (!actual.equals(expected.hex())) {
            Files.delete(part);
            throw new WeightsException(target.getFileName() + ": the file downloaded from " + url + " is corrupt:"
                    + " its " + expected.kind() + " is " + actual + " but the hub lists " + expected.hex()
                    + ". It was discarded, not installed. Download again; if this repeats, the hub or a proxy on"
                    + " the way is serving a damaged file.");
        }
    }

    private static void pause(long millis, BooleanSupplier cancelled, URI url) throws IOException {
        long end = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < end) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("download of " + url + " cancelled");
                }
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + url);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** A transfer that stopped but may be resumed: the part file holds what arrived. */
    private static final class Interrupted extends IOException {
        Interrupted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

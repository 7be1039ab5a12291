package org.meander.weights.hub;

import java.time.Duration;

/**
 * How hard a download tries: how many times a file's transfer is started (each one resuming where the last
 * stopped), how long a transfer may go without receiving a byte before it is dropped and resumed, and the wait
 * before the first retry (doubled for each further one).
 */
public record DownloadPolicy(int attempts, Duration stallTimeout, Duration firstRetryDelay) {

    public DownloadPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    /** Wi-Fi that drops for a moment costs a resumed transfer, not a new download. */
    public static DownloadPolicy standard() {
        return new DownloadPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }
}

package org.meander.weights.hub;

import java.util.Optional;

/**
 * One file of a hub repository as the hub's API lists it: its path in the repository, its size (-1 when the API
 * does not say), and what identifies its content: the SHA-256 of a file stored in Git LFS (the weights) or the Git
 * blob id of a small file (config.json). Either may be null when the API leaves it out.
 */
public record HubFile(String name, long size, String lfsSha256, String gitBlobId) {

    /** The checksum the downloaded bytes must have, if the hub told us one. */
    public Optional<Checksum> checksum() {
        if (lfsSha256 != null) {
            return Optional.of(Checksum.sha256(lfsSha256));
        }
        if (gitBlobId != null && size >= 0) {
            return Optional.of(Checksum.gitBlob(gitBlobId, size));
        }
        return Optional.empty();
    }
}

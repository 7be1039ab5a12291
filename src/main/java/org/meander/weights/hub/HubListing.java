package org.meander.weights.hub;

import java.util.List;
import java.util.Optional;

/** A repository's files at one revision (a commit id): every file is then fetched from that same commit. */
public record HubListing(HubRepo repo, String revision, List<HubFile> files) {

    public HubListing {
        files = List.copyOf(files);
    }

    public Optional<HubFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

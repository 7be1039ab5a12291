package org.meander.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meander.sam.VisionConfig;

/**
 * Vision-encoder fingerprints this process has hashed, by the weight files they were hashed from. A model loaded
 * without its encoder (a run, an evaluation, the Evaluate tab's comparisons) then need not read and hash the
 * encoder's weights again: 2.5 GB for ViT-H, after Annotate loaded the whole model. A file written since has
 * another size or time stamp and misses; one whose time stamp is too close to the hashing to tell a later write
 * from an earlier one is not remembered.
 */
final class FingerprintMemo {

    /** How long before the hashing began a file must have last changed to be remembered. */
    private static final Duration SETTLED = Duration.ofSeconds(2);

    private static final Map<Key, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private FingerprintMemo() {
    }

    /** A fingerprint hashed earlier from these very files, if one was. */
    static Optional<String> lookup(VisionConfig config, List<Path> files) throws IOException {
        return Optional.ofNullable(FINGERPRINTS.get(key(config, files)));
    }

    /** Remembers a fingerprint hashed from files read after {@code hashingBegan}, unless one changed just before. */
    static void remember(VisionConfig config, List<Path> files, String fingerprint, Instant hashingBegan)
            throws IOException {
        Key key = key(config, files);
        Instant settled = hashingBegan.minus(SETTLED);
        if (key.stamps().stream().allMatch(stamp -> stamp.modified().isBefore(settled))) {
            FINGERPRINTS.put(key, fingerprint);
        }
    }

    private static Key key(VisionConfig config, List<Path> files) throws IOException {
        List<FileStamp> stamps = new ArrayList<>();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamps.add(new FileStamp(file.toRealPath(), attributes.size(), attributes.lastModifiedTime().toInstant()));
        }
        return new Key(config.toString(), List.copyOf(stamps));
    }

    private record FileStamp(Path file, long size, Instant modified) {
    }

    private record Key(String visionConfig, List<FileStamp> stamps) {
    }
}

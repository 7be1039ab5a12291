package org.meander.project;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project at a glance: its tiles by label status within each split, how many have a near-infrared band, and the
 * rasters cut into it. Each status is a look at a label file, so this reads every tile's once.
 *
 * @param bySplit      for each split, how many of its tiles have each label status
 * @param nearInfrared tiles with a near-infrared band
 * @param rasters      the rasters cut into tiles with {@code project tile} (or cut on import)
 * @param predictedBy  how many labels began as auto-label's predictions, by the decoder that made them
 */
public record ProjectSummary(Map<Split, Map<LabelStatus, Integer>> bySplit, int nearInfrared,
                             List<SourceRaster> rasters, Map<String, Integer> predictedBy) {

    public ProjectSummary {
        bySplit = Map.copyOf(bySplit);
        rasters = List.copyOf(rasters);
        predictedBy = Collections.unmodifiableMap(new TreeMap<>(predictedBy));
    }

    public static ProjectSummary of(Project project) throws IOException {
        Map<Split, Map<LabelStatus, Integer>> bySplit = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            Map<LabelStatus, Integer> counts = new EnumMap<>(LabelStatus.class);
            for (LabelStatus status : LabelStatus.values()) {
                counts.put(status, 0);
            }
            bySplit.put(split, counts);
        }
        int nearInfrared = 0;
        Map<String, Integer> predictedBy = new TreeMap<>();
        for (Tile tile : project.tiles()) {
            bySplit.get(project.split(tile)).merge(project.status(tile), 1, Integer::sum);
            nearInfrared += Files.isRegularFile(project.nearInfraredFile(tile)) ? 1 : 0;
            project.predictedBy(tile).ifPresent(decoder -> predictedBy.merge(decoder, 1, Integer::sum));
        }
        return new ProjectSummary(bySplit, nearInfrared, project.rasters(), predictedBy);
    }

    /** Tiles in all, or with the status, over every split. */
    public int tiles() {
        return bySplit.values().stream().flatMap(counts -> counts.values().stream()).mapToInt(Integer::intValue)
                .sum();
    }

    public int withStatus(LabelStatus status) {
        return bySplit.values().stream().mapToInt(counts -> counts.get(status)).sum();
    }
}

package org.meander.project.raster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warps found for frames of one set, kept to place the frames whose own edges say too little (a tile of open
 * water, of unbroken canopy). Cameras on one mount see the ground alike at every exposure (the 25 Elwha pairs lie
 * within 7 px of their median warp), so the warp most frames of the same sizes share places such a frame far better
 * than laying it on its image as it is.
 */
public final class SharedWarps {

    /** Fewer frames than this do not show that a warp is shared. */
    static final int LEAST_FRAMES = 3;
    /** Warps this close to the median, as a share of the tile's diagonal, agree with it. */
    static final double AGREEMENT = 0.01;
    /** At least this share of the frames must agree for the median to be theirs. */
    static final double AGREEING_SHARE = 0.75;

    /** The warp the frames share, and how many frames were found. */
    public record Shared(FrameWarp warp, int frames) {
    }

    private record Sizes(int tileWidth, int tileHeight, int frameWidth, int frameHeight) {
    }

    private final Map<Sizes, List<FrameWarp>> found = new HashMap<>();

    /** A warp found (or a frame found to line up as it is) for a frame on a tile of these sizes. */
    public void add(FrameWarp warp, int tileWidth, int tileHeight, int frameWidth, int frameHeight) {
        found.computeIfAbsent(new Sizes(tileWidth, tileHeight, frameWidth, frameHeight), s -> new ArrayList<>())
                .add(warp);
    }

    /** The warp frames of these sizes share, if enough of them were found and they agree. */
    public Optional<Shared> of(int tileWidth, int tileHeight, int frameWidth, int frameHeight) {
        List<FrameWarp> warps = found.getOrDefault(new Sizes(tileWidth, tileHeight, frameWidth, frameHeight),
                List.of());
        return median(warps, tileWidth, tileHeight).map(warp -> new Shared(warp, warps.size()));
    }

    /** The median of each of the six numbers, when at least three quarters of the warps lie near it. */
    static Optional<FrameWarp> median(List<FrameWarp> warps, int width, int height) {
        if (warps.size() < LEAST_FRAMES) {
            return Optional.empty();
        }
        double[] median = new double[6];
        for (int k = 0; k < 6; k++) {
            int element = k;
            double[] values = warps.stream().mapToDouble(warp -> warp.matrix()[element]).sorted().toArray();
            median[k] = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }
        FrameWarp shared = FrameWarp.of(median);
        double near = AGREEMENT * Math.hypot(width, height);
        long agreeing = warps.stream().filter(warp -> warp.distance(shared, width, height) <= near).count();
        return agreeing >= AGREEING_SHARE * warps.size() ? Optional.of(shared) : Optional.empty();
    }
}

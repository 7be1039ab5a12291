package org.meander.project;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.meander.project.raster.FrameRegistration;
import org.meander.project.raster.FrameWarp;
import org.meander.project.raster.SharedWarps;

/**
 * A near-infrared frame from another camera, warped onto its tile: its top left corner lies at ({@code x}, {@code y})
 * on the tile, one frame pixel spans {@code scale} tile pixels, and it covers {@code coverage} of the tile (the rest
 * has no near-infrared value). {@code shared}: its own edges said too little, and it was placed by the warp the other
 * frames share ({@link SharedWarps}).
 */
public record AlignedFrame(String frame, String tile, double x, double y, double scale, double coverage,
                           boolean shared) {

    static AlignedFrame of(String frame, String tile, FrameRegistration.Registration registration) {
        return of(frame, tile, registration.warp(), registration.coverage(), false);
    }

    static AlignedFrame of(String frame, String tile, FrameWarp warp, double coverage, boolean shared) {
        FrameWarp onTile = warp.inverse();
        return new AlignedFrame(frame, tile, onTile.frameX(0, 0), onTile.frameY(0, 0), onTile.scale(), coverage,
                shared);
    }

    /**
     * One sentence on frames warped onto their tiles, with the range of their shifts, scales and coverage: frames from
     * cameras on one mount all move alike, so one line says it; empty when there are none.
     */
    public static String summary(List<AlignedFrame> frames) {
        if (frames.isEmpty()) {
            return "";
        }
        boolean one = frames.size() == 1;
        long shared = frames.stream().filter(AlignedFrame::shared).count();
        return String.format(Locale.ROOT, "%d near-infrared %s did not line up with %s and %s warped onto %s: moved"
                + " %s px across and %s px down, a frame pixel %s tile pixels wide, covering %s%% of the tile (no"
                + " near-infrared value elsewhere).", frames.size(), one ? "frame" : "frames",
                one ? "its image" : "their images", one ? "was" : "were", one ? "it" : "them",
                range(frames, AlignedFrame::x, "%.0f"), range(frames, AlignedFrame::y, "%.0f"),
                range(frames, AlignedFrame::scale, "%.2f"), range(frames, frame -> 100 * frame.coverage(), "%.0f"))
                + (shared == 0 ? "" : " " + shared + " of them, whose own edges said too little, "
                + (shared == 1 ? "was" : "were") + " placed where the others lie.");
    }

    private static String range(List<AlignedFrame> frames, ToDoubleFunction<AlignedFrame> value, String format) {
        DoubleSummaryStatistics statistics = frames.stream().mapToDouble(value).summaryStatistics();
        String low = String.format(Locale.ROOT, format, statistics.getMin());
        String high = String.format(Locale.ROOT, format, statistics.getMax());
        return low.equals(high) ? low : low + " to " + high;
    }
}

package org.meander.project;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@link ProjectImport#create} or {@link HfImport#importFiles} did: the tiles it copied into the project and
 * those of them that got a label (both by tile name, in import order), every file it skipped or imported only in
 * part, each problem naming the file and what to do about it, the images too large for SAM that it cut into
 * tiles, and the near-infrared frames it moved onto their images.
 */
public record ImportReport(List<String> importedTiles, List<String> labelledTiles, List<String> problems,
                           List<CutImage> cutImages, List<AlignedFrame> alignedFrames) {

    /** An image cut into {@code tiles} overlapping tiles, as {@code project tile} cuts a raster. */
    public record CutImage(String file, int width, int height, int tiles) {
    }

    /**
     * A near-infrared frame from another camera, warped onto its tile: its top left corner lies at ({@code x},
     * {@code y}) on the tile, one frame pixel spans {@code scale} tile pixels, and it covers {@code coverage} of the
     * tile (the rest has no near-infrared value).
     */
    public record AlignedFrame(String frame, String tile, double x, double y, double scale, double coverage) {
    }

    public ImportReport {
        importedTiles = List.copyOf(importedTiles);
        labelledTiles = List.copyOf(labelledTiles);
        problems = List.copyOf(problems);
        cutImages = List.copyOf(cutImages);
        alignedFrames = List.copyOf(alignedFrames);
    }

    /**
     * One sentence on the frames warped onto their images, with the range of their shifts, scales and coverage:
     * frames from a camera on the same mount all move alike, so one line says it; empty when none was warped.
     */
    public String alignedSummary() {
        if (alignedFrames.isEmpty()) {
            return "";
        }
        int count = alignedFrames.size();
        return String.format(Locale.ROOT, "%d near-infrared frame%s did not line up with %s image%s and %s warped onto"
                + " %s: moved %s px across and %s px down, a frame pixel %s tile pixels wide, covering %s%% of the"
                + " tile (no near-infrared value elsewhere).", count, count == 1 ? "" : "s",
                count == 1 ? "its" : "their", count == 1 ? "" : "s", count == 1 ? "was" : "were", count == 1 ? "it" : "them",
                range(AlignedFrame::x, "%.0f"), range(AlignedFrame::y, "%.0f"), range(AlignedFrame::scale, "%.2f"),
                range(frame -> 100 * frame.coverage(), "%.0f"));
    }

    private String range(ToDoubleFunction<AlignedFrame> value, String format) {
        DoubleSummaryStatistics statistics = alignedFrames.stream().mapToDouble(value).summaryStatistics();
        String low = String.format(Locale.ROOT, format, statistics.getMin());
        String high = String.format(Locale.ROOT, format, statistics.getMax());
        return low.equals(high) ? low : low + " to " + high;
    }
}

package org.meander.project;

import java.util.List;

/**
 * What {@link ProjectImport#create} or {@link HfImport#importFiles} did: the tiles it copied into the project and
 * those of them that got a label (both by tile name, in import order), every file it skipped or imported only in
 * part, each problem naming the file and what to do about it, the images too large for SAM that it cut into
 * tiles, the near-infrared frames it moved onto their images, and the tiles an earlier import of the same images
 * had made (one that stopped part way, or the same import asked again), which it completed rather than made again.
 */
public record ImportReport(List<String> importedTiles, List<String> labelledTiles, List<String> problems,
                           List<CutImage> cutImages, List<AlignedFrame> alignedFrames, List<String> alreadyThere) {

    /** An image cut into {@code tiles} overlapping tiles, as {@code project tile} cuts a raster. */
    public record CutImage(String file, int width, int height, int tiles) {
    }

    public ImportReport {
        importedTiles = List.copyOf(importedTiles);
        labelledTiles = List.copyOf(labelledTiles);
        problems = List.copyOf(problems);
        cutImages = List.copyOf(cutImages);
        alignedFrames = List.copyOf(alignedFrames);
        alreadyThere = List.copyOf(alreadyThere);
    }
}

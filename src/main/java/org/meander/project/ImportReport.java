package org.meander.project;

import java.util.List;

/**
 * What {@link ProjectImport#create} or {@link HfImport#importFiles} did: the tiles it copied into the project and
 * those of them that got a label (both by tile name, in import order), every file it skipped or imported only in
 * part, each problem naming the file and what to do about it, the images too large for SAM that it cut into
 * tiles, the near-infrared frames it moved onto their images, the tiles an earlier import of the same images
 * had made (one that stopped part way, or the same import asked again), which it completed rather than made again,
 * and the images that held no data (alpha or GDAL's nodata mask 0, GDAL's nodata value or NaN everywhere: edge
 * tiles of a raster another tool cut), which made no tile.
 */
public record ImportReport(List<String> importedTiles, List<String> labelledTiles, List<String> problems,
                           List<CutImage> cutImages, List<AlignedFrame> alignedFrames, List<String> alreadyThere,
                           List<String> emptyImages) {

    /** An image cut into {@code tiles} overlapping tiles, as {@code project tile} cuts a raster. */
    public record CutImage(String file, int width, int height, int tiles) {
    }

    /** Images named at most in {@link #emptyText}: a raster cut by another tool may leave hundreds. */
    private static final int EMPTY_NAMED = 10;

    /** The images that held no data, in words: "2 images held no data ... and made no tile: a.tif, b.tif". */
    public static String emptyText(List<String> emptyImages) {
        int count = emptyImages.size();
        String named = String.join(", ", emptyImages.subList(0, Math.min(count, EMPTY_NAMED)));
        return count + (count == 1 ? " image" : " images") + " held no data (alpha or GDAL's nodata mask 0, GDAL's"
                + " nodata value or NaN everywhere) and made no tile: " + named
                + (count > EMPTY_NAMED ? " and " + (count - EMPTY_NAMED) + " more" : "");
    }

    public ImportReport {
        importedTiles = List.copyOf(importedTiles);
        labelledTiles = List.copyOf(labelledTiles);
        problems = List.copyOf(problems);
        cutImages = List.copyOf(cutImages);
        alignedFrames = List.copyOf(alignedFrames);
        alreadyThere = List.copyOf(alreadyThere);
        emptyImages = List.copyOf(emptyImages);
    }
}

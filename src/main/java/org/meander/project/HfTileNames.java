package org.meander.project;

import java.util.Optional;

/**
 * Tile names for the rows of a Hugging Face dataset: the stem of the image's {@code path} ({@code airborne_1} for
 * {@code /data/elwha/airborne_1.png}), which keeps the names the dataset's authors gave, or {@code <split>_<row>}
 * where the path is missing, not usable as a file name, or shared by several rows.
 */
final class HfTileNames {

    private HfTileNames() {
    }

    /** The stem of the path's last part, when it makes a usable tile name. */
    static Optional<String> fromPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] parts = path.split("[/\\\\]");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        int dot = last.lastIndexOf('.');
        String stem = dot <= 0 ? last : last.substring(0, dot);
        return TileNames.isUsable(stem) ? Optional.of(stem) : Optional.empty();
    }

    /**
     * Whether the path climbs out of its folder with a {@code ..} part. Such a path is not the dataset's own: a
     * crafted or mangled file; its row is refused rather than given a name it did not ask for.
     */
    static boolean escapes(String path) {
        if (path == null) {
            return false;
        }
        for (String part : path.split("[/\\\\]")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The name of a row whose path gives none: {@code train_12}, the row's place in its split from 0. */
    static String fallback(String prefix, long row) {
        return prefix + "_" + row;
    }
}

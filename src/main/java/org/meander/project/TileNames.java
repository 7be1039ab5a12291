package org.meander.project;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Which tile names a project accepts: a tile's name is the stem of its files' names, in several folders. */
public final class TileNames {

    /**
     * A plain, visible file name on every system Meander runs on: no separators or characters Windows refuses, no
     * control characters, and no leading dot, since a project skips hidden files as other tools' metadata.
     */
    private static final Pattern USABLE =
            Pattern.compile("[^./\\\\:*?\"<>|\\p{Cntrl}][^/\\\\:*?\"<>|\\p{Cntrl}]{0,199}");

    private TileNames() {
    }

    /** A file's name without its extension: the tile name a file gives, or a raster's name. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    static boolean isUsable(String name) {
        return USABLE.matcher(name).matches();
    }

    /** Why {@code name} cannot name a tile, for a message that goes on to say what to do. */
    static String whyUnusable(String name) {
        return "\"" + name + "\" cannot name a tile: a tile name is a file name of 1 to 200 characters, without"
                + " / \\ : * ? \" < > | or control characters, not starting with a dot";
    }
}

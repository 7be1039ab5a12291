package org.meander.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Files GIS tools keep beside an image, which belong to it and are no images of their own: GDAL's nodata mask
 * ({@code ortho.tif.msk}), overviews ({@code .ovr}) and metadata ({@code .aux.xml}), named after the image's whole
 * file name; a world file ({@code ortho.tfw}, {@code .pgw}, {@code .jgw}, {@code .wld}) or an ESRI projection
 * ({@code .prj}), named after its stem. A folder of images from a GIS is full of them.
 */
final class ImageSidecars {

    private static final List<String> OF_FILE_NAME = List.of(".msk", ".ovr", ".aux.xml");
    private static final List<String> OF_STEM = List.of(".tfw", ".tifw", ".tiffw", ".pgw", ".jgw", ".jpgw", ".bpw",
            ".wld", ".prj");

    private ImageSidecars() {
    }

    /** Whether {@code file} is such a file of an image beside it. */
    static boolean isSidecar(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : OF_FILE_NAME) {
            if (lower.endsWith(suffix) && isImage(file.resolveSibling(name.substring(0, name.length()
                    - suffix.length())))) {
                return true;
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && OF_STEM.contains(lower.substring(dot))) {
            String stem = name.substring(0, dot);
            for (String extension : Project.IMAGE_EXTENSIONS) {
                if (isImage(file.resolveSibling(stem + "." + extension))
                        || isImage(file.resolveSibling(stem + "." + extension.toUpperCase(Locale.ROOT)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isImage(Path file) {
        return Project.IMAGE_EXTENSIONS.contains(Project.extension(file)) && Files.isRegularFile(file);
    }
}

package org.meander.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Near-infrared frames in their own files, paired with images by name: the frame of {@code x.png} is {@code x.<ext>}
 * or a name with one more "_ir" or "_nir" part anywhere, such as {@code airborne_ir_3.png} for
 * {@code airborne_3.png}, as the Elwha airborne data names them; a name with such a part is preferred. The frames may
 * sit in the images' own folder: there a file with such a part is a frame, not a tile, when the image it belongs to
 * is there too.
 */
final class NearInfraredFiles {

    private static final Set<String> MARKERS = Set.of("ir", "nir");

    private final Map<String, List<Path>> framesByImage = new LinkedHashMap<>();
    private final Set<Path> frames = new HashSet<>();
    private final Set<Path> used = new HashSet<>();

    /**
     * @param files       the image files of the near-infrared folder
     * @param imageStems  the stems of the images being imported
     * @param sameFolder  the frames are in the images' folder
     */
    NearInfraredFiles(List<Path> files, Set<String> imageStems, boolean sameFolder) {
        for (Path frame : files) {
            String stem = stem(frame);
            String image = imageStemOf(frame);
            if (sameFolder && (image.equals(stem) || !imageStems.contains(image))) {
                continue; // an ordinary image of the folder
            }
            framesByImage.computeIfAbsent(image, s -> new ArrayList<>()).add(frame);
            frames.add(frame);
        }
        // a name with an ir part says what the file is; a file named just like the image may be the image itself
        // (a frames folder that also holds the colour images, as the Elwha data comes)
        framesByImage.values().forEach(list -> list.sort(Comparator.comparing((Path p) -> stem(p).equals(
                withoutMarker(stem(p)))).thenComparing(p -> !Project.extension(p).equals("png"))));
    }

    /** Whether the file is a near-infrared frame rather than an image to import. */
    boolean isFrame(Path file) {
        return frames.contains(file);
    }

    /** The frames named for the image, the best first (one with an ir part, then PNG); empty when it has none. */
    List<Path> framesOf(String imageStem) {
        List<Path> frames = framesByImage.getOrDefault(imageStem, List.of());
        used.addAll(frames);
        return frames;
    }

    /** Frames no imported image was named like. */
    List<Path> unused() {
        return framesByImage.values().stream().flatMap(List::stream).filter(f -> !used.contains(f)).toList();
    }

    /** The stem of the image a frame file is named for: airborne_3 for airborne_ir_3.png. */
    static String imageStemOf(Path frame) {
        return withoutMarker(stem(frame));
    }

    /** The stem without its first "ir" or "nir" part (parts are separated by underscores); unchanged without one. */
    static String withoutMarker(String stem) {
        String[] parts = stem.split("_", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts.length > 1 && MARKERS.contains(parts[i].toLowerCase(Locale.ROOT))) {
                List<String> rest = new ArrayList<>(List.of(parts));
                rest.remove(i);
                return String.join("_", rest);
            }
        }
        return stem;
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

package org.meander.project.raster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The colours Meander needs to know among an image's bands: red, green and blue make the picture SAM sees, the
 * near-infrared band feeds the water index. Read from the names files give their bands: GDAL's colour
 * interpretations ("Red", "NIR") and the descriptions GDAL, rasterio and camera software write ("Band 3 - Red",
 * "Near Infrared", "nir", "B8 (NIR)").
 */
public enum BandColour {
    RED("red"), GREEN("green"), BLUE("blue"), NEAR_INFRARED("near-infrared");

    /** Words that make a band another one than its colour word says: red edge, coastal blue, short-wave infrared. */
    private static final Set<String> OTHER_BANDS = Set.of("edge", "rededge", "coastal", "deep", "swir", "mir",
            "tir", "lwir", "thermal", "short", "mid", "middle", "far", "long", "yellow", "pan", "panchromatic");

    private final String word;

    BandColour(String word) {
        this.word = word;
    }

    /** The colour in words, as messages say it. */
    public String word() {
        return word;
    }

    /**
     * The colour a band's name gives it, if one: its words (split at spaces, punctuation and a change from lower to
     * upper case, as in "RedEdge") hold exactly one colour word and nothing that makes it another band.
     */
    public static Optional<BandColour> named(String name) {
        List<String> words = words(name);
        if (words.stream().anyMatch(OTHER_BANDS::contains)) {
            return Optional.empty();
        }
        boolean nearInfrared = words.stream().anyMatch(w -> w.matches("nir\\d?"))
                || words.contains("near") && (words.contains("infrared") || words.contains("ir"))
                || words.equals(List.of("infrared")) || words.equals(List.of("ir"));
        List<BandColour> found = new java.util.ArrayList<>();
        for (BandColour colour : List.of(RED, GREEN, BLUE)) {
            if (words.contains(colour.word)) {
                found.add(colour);
            }
        }
        if (nearInfrared) {
            found.add(NEAR_INFRARED);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Whether {@code name} is the colour's word and nothing else ("Green", not "green_i" or "Band 2 - Green"). */
    boolean isExactly(String name) {
        List<String> words = words(name);
        return this == NEAR_INFRARED ? words.equals(List.of("nir")) || words.equals(List.of("near", "infrared"))
                : words.equals(List.of(word));
    }

    private static List<String> words(String name) {
        String split = name.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").toLowerCase(Locale.ROOT);
        return List.of(split.split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}

package org.meander.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meander.project.raster.BandStretch;
import org.meander.project.raster.ColourRadiometry;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.NearInfraredScale;
import org.meander.project.raster.Window;

/**
 * What meander.json records about where tiles came from, in two objects:
 * <pre>
 * "rasters": {"ortho": {"file": "/data/ortho.tif", "width": 20000, "height": 20000, "tile_size": 1024,
 *             "overlap": 128, "bands": [1, 2, 3], "stretch": {"low": [...], "high": [...]},
 *             "georeferencing": {...}}}
 * "sources": {"ortho_r00_c01": {"raster": "ortho", "x": 862, "y": 0, "width": 1024, "height": 1024},
 *             "scene": {"file": "/data/scene.tif", "georeferencing": {...}, "stretch": {...}}}
 * </pre>
 * A tile cut from a raster names it and its window; an imported GeoTIFF keeps its own georeferencing; imagery deeper
 * than 8 bits, the stretch its colours were made with (and {@code nir_scale}, a floating-point near-infrared band's);
 * a false-colour picture of bands the file names, {@code green_channel}, the channel its green band went to.
 */
final class TileSources {

    static final String RASTERS = "rasters";
    static final String SOURCES = "sources";
    /** Recorded false in a raster's entry while it is being cut: its tiles are not all there, nor their windows. */
    static final String COMPLETE = "complete";
    private static final String STRETCH = "stretch";
    private static final String NIR_SCALE = "nir_scale";
    private static final String GREEN_CHANNEL = "green_channel";

    private TileSources() {
    }

    static ObjectNode windowEntry(String raster, Window window) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("raster", raster);
        entry.put("x", window.x());
        entry.put("y", window.y());
        entry.put("width", window.width());
        entry.put("height", window.height());
        return entry;
    }

    /**
     * An image imported whole: its file, where it lies on the Earth and how its colours were stretched, if known, and
     * the channel of its tile that holds green.
     */
    static ObjectNode importedEntry(Path file, Optional<Georeferencing> georeferencing,
            Optional<ColourRadiometry> radiometry, int greenChannel) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("file", file.toAbsolutePath().toString());
        georeferencing.ifPresent(g -> entry.set("georeferencing", g.toJson()));
        radiometry.ifPresent(r -> putRadiometry(entry, r));
        putGreenChannel(entry, greenChannel);
        return entry;
    }

    /** Which channel of the tiles holds the imagery's green band, written only when it is not the green one. */
    static void putGreenChannel(ObjectNode entry, int channel) {
        if (channel != 1) {
            entry.put(GREEN_CHANNEL, channel);
        }
    }

    /** The channel of an entry's tiles that holds green (0 red, 1 green, 2 blue): 1 unless recorded otherwise. */
    static int greenChannel(JsonNode entry, Path manifestFile, String where) throws IOException {
        JsonNode channel = entry.path(GREEN_CHANNEL);
        if (channel.isMissingNode()) {
            return 1;
        }
        if (!channel.isInt() || channel.asInt() < 0 || channel.asInt() > 2) {
            throw new IOException(manifestFile + ": \"" + where + "." + GREEN_CHANNEL + "\" is " + channel + "; it"
                    + " says which channel of the tiles holds green, 0 (red), 1 or 2 (blue): fix it or remove it");
        }
        return channel.asInt();
    }

    /**
     * The stretch of a raster's or an image's colours, and its near-infrared band's scale when it is not 1 (floating
     * point reflectances): what the water index needs to read the colours back as the imagery's values.
     */
    static void putRadiometry(ObjectNode entry, ColourRadiometry radiometry) {
        ObjectNode stretch = entry.putObject(STRETCH);
        ArrayNode low = stretch.putArray("low");
        ArrayNode high = stretch.putArray("high");
        for (int c = 0; c < 3; c++) {
            low.add(jsonNumber(radiometry.stretch().low()[c]));
            high.add(jsonNumber(radiometry.stretch().high()[c]));
        }
        if (radiometry.nirScale().factor() != 1) {
            entry.put(NIR_SCALE, radiometry.nirScale().factor());
        }
    }

    /** An integer as one (as a 16-bit raster's stretch was always written, and is compared when a cut resumes). */
    private static JsonNode jsonNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE
                ? JsonNodeFactory.instance.numberNode((int) value) : JsonNodeFactory.instance.numberNode(value);
    }

    /** The radiometry an entry records; empty for 8-bit imagery, whose colours are its values. */
    static Optional<ColourRadiometry> radiometry(JsonNode entry, Path manifestFile, String where)
            throws IOException {
        JsonNode stretch = entry.path(STRETCH);
        if (stretch.isMissingNode()) {
            return Optional.empty();
        }
        try {
            double[] low = new double[3];
            double[] high = new double[3];
            for (int c = 0; c < 3; c++) {
                low[c] = number(stretch.path("low").path(c), "low");
                high[c] = number(stretch.path("high").path(c), "high");
            }
            double nirScale = entry.path(NIR_SCALE).asDouble(1);
            return Optional.of(new ColourRadiometry(new BandStretch(low, high), new NearInfraredScale(nirScale)));
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": \"" + where + "." + STRETCH + "\": " + e.getMessage()
                    + "; fix it or remove it (the water index then reads the colours as they are)", e);
        }
    }

    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" needs three numbers, found " + node);
        }
        return node.asDouble();
    }

    static List<SourceRaster> rasters(ProjectManifest manifest, Path manifestFile) throws IOException {
        List<SourceRaster> rasters = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.section(RASTERS).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode raster = entry.getValue();
            if (interrupted(raster)) {
                continue;
            }
            rasters.add(new SourceRaster(entry.getKey(), Path.of(raster.path("file").asText("")),
                    positive(raster, "width", manifestFile, RASTERS + "." + entry.getKey()),
                    positive(raster, "height", manifestFile, RASTERS + "." + entry.getKey()),
                    georeferencing(raster, manifestFile, RASTERS + "." + entry.getKey())));
        }
        return rasters;
    }

    /** The rasters whose cut began but did not end (recorded as not complete). */
    static List<String> interruptedCuts(ProjectManifest manifest) {
        List<String> names = new ArrayList<>();
        manifest.section(RASTERS).fields().forEachRemaining(entry -> {
            if (interrupted(entry.getValue())) {
                names.add(entry.getKey());
            }
        });
        return names;
    }

    /** Whether a raster's entry records a cut that began but did not end. */
    static boolean interrupted(JsonNode raster) {
        return !raster.path(COMPLETE).asBoolean(true);
    }

    static Optional<RasterWindow> window(ProjectManifest manifest, String tile, Path manifestFile)
            throws IOException {
        JsonNode source = manifest.section(SOURCES).path(tile);
        if (!source.has("raster")) {
            return Optional.empty();
        }
        String where = SOURCES + "." + tile;
        try {
            return Optional.of(new RasterWindow(source.path("raster").asText(), new Window(
                    source.path("x").asInt(-1), source.path("y").asInt(-1),
                    positive(source, "width", manifestFile, where), positive(source, "height", manifestFile, where))));
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": \"" + where + "\": " + e.getMessage() + "; fix the window or"
                    + " remove the entry (the tile then exports without a place in its raster)", e);
        }
    }

    /** The georeferencing an imported GeoTIFF tile brought with it. */
    static Optional<Georeferencing> ownGeoreferencing(ProjectManifest manifest, String tile, Path manifestFile)
            throws IOException {
        return georeferencing(manifest.section(SOURCES).path(tile), manifestFile, SOURCES + "." + tile);
    }

    private static Optional<Georeferencing> georeferencing(JsonNode entry, Path manifestFile, String where)
            throws IOException {
        JsonNode json = entry.path("georeferencing");
        if (json.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Georeferencing.fromJson(json));
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": \"" + where + "\": " + e.getMessage() + "; fix it or remove"
                    + " \"georeferencing\" there (exports are then not georeferenced)", e);
        }
    }

    private static int positive(JsonNode entry, String field, Path manifestFile, String where) throws IOException {
        int value = entry.path(field).asInt(0);
        if (value <= 0) {
            throw new IOException(manifestFile + ": \"" + where + "\" has no positive \"" + field + "\" ("
                    + entry.path(field) + "); fix it or remove the entry");
        }
        return value;
    }
}

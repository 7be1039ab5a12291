package org.meander.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.meander.project.LabelMask;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.ui.image.MaskImages;

/**
 * The tiles' labels as small overlays for the raster map, read in the background and read again when a label file
 * changes (its size or time stamp), so that the river shows across the whole raster as it is labelled.
 */
final class MapLabels implements AutoCloseable {

    /** The map's river colour, as the canvas draws labels, more opaque: it must show at a few pixels a tile. */
    private static final int RIVER_ARGB = 0xc0ff30d0;

    /** A label read for the map: its picture, and the file's stamp when it was read. */
    private record Read(Image picture, String stamp) {
    }

    private final Project project;
    private final int side;
    private final Runnable arrived;
    private final Map<Tile, Read> read = new ConcurrentHashMap<>();
    private final Map<Tile, Boolean> reading = new ConcurrentHashMap<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-map-labels");
        t.setDaemon(true);
        return t;
    });

    /** side: the longest side of a picture; arrived: runs on the JavaFX thread after each picture is read. */
    MapLabels(Project project, int side, Runnable arrived) {
        this.project = project;
        this.side = side;
        this.arrived = arrived;
    }

    /** The tile's label as a map overlay, or null while it is first read or when the tile has none. */
    Image of(Tile tile) {
        Read known = read.get(tile);
        if (known == null && reading.putIfAbsent(tile, true) == null) {
            reader.execute(() -> load(tile));
        }
        return known == null ? null : known.picture();
    }

    /** Labels were written (a save, auto-label): those whose files changed since they were read are read again. */
    void refresh() {
        reader.execute(() -> {
            for (Map.Entry<Tile, Read> known : read.entrySet()) {
                if (!known.getValue().stamp().equals(stamp(known.getKey().label()))) {
                    load(known.getKey());
                }
            }
        });
    }

    private void load(Tile tile) {
        String stamp = stamp(tile.label());
        try {
            Optional<LabelMask> label = project.readLabel(tile);
            read.put(tile, new Read(label.map(this::shrink).orElse(null), stamp));
        } catch (IOException | RuntimeException e) {
            read.put(tile, new Read(null, stamp)); // the map leaves it blank; Annotate names the problem
        } finally {
            reading.remove(tile);
        }
        Platform.runLater(arrived);
    }

    /** Each picture pixel is river where any label pixel under it is: thin channels stay visible. */
    private Image shrink(LabelMask label) {
        int step = (int) Math.ceil(Math.max(label.width(), label.height()) / (double) side);
        int width = (label.width() + step - 1) / step;
        int height = (label.height() + step - 1) / step;
        byte[] small = new byte[width * height];
        byte[] pixels = label.pixels();
        for (int y = 0; y < label.height(); y++) {
            for (int x = 0; x < label.width(); x++) {
                if (pixels[y * label.width() + x] != 0) {
                    small[(y / step) * width + x / step] = 1;
                }
            }
        }
        return MaskImages.overlay(small, width, height, RIVER_ARGB);
    }

    private static String stamp(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis() : "none";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}

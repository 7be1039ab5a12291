package org.meander.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.meander.project.Project;
import org.meander.project.Tile;
import org.meander.project.raster.NearInfraredViews;
import org.meander.project.raster.StretchedColour;
import org.meander.weights.ErrorText;

/**
 * The view of the tile chosen beneath its label (V goes round them), whether its colours are stretched for contrast
 * (C), and the pictures these make, painted in the background from the tile and its band in {@code nir/}. The choices
 * stay from tile to tile; a tile without a band shows its colours whatever view is chosen.
 */
final class TileViews implements AutoCloseable {

    private final Project project;
    private final Consumer<String> status;
    private final ObjectProperty<TileView> view = new SimpleObjectProperty<>(TileView.COLOUR);
    private final BooleanProperty stretched = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper nearInfrared = new ReadOnlyBooleanWrapper();
    private final AtomicLong paintings = new AtomicLong();
    private final ExecutorService painter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meander-tile-view");
        t.setDaemon(true);
        return t;
    });

    TileViews(Project project, ObjectProperty<Tile> selectedTile, Consumer<String> status) {
        this.project = project;
        this.status = status;
        selectedTile.addListener((o, old, tile) -> nearInfrared.set(tile != null
                && Files.isRegularFile(project.nearInfraredFile(tile))));
    }

    ObjectProperty<TileView> viewProperty() {
        return view;
    }

    /**
     * Whether the colour view shows the tile's colours stretched between their 2nd and 98th percentiles rather than
     * as stored (the near-infrared views are stretched always).
     */
    BooleanProperty stretchedProperty() {
        return stretched;
    }

    /** C: the colours stretched, or as stored again. */
    void toggleStretch() {
        stretched.set(!stretched.get());
        status.accept(stretched.get()
                ? "Colours stretched for contrast, 2nd to 98th percentile (C shows them as stored)"
                : "Colours as stored (C stretches them for contrast)");
    }

    /** Whether the open tile's picture is painted here rather than read as it is from its file. */
    boolean painted() {
        return shown() != TileView.COLOUR || stretched.get();
    }

    /** Whether the open tile has a near-infrared band, so that the near-infrared views can show it. */
    ReadOnlyBooleanProperty nearInfraredProperty() {
        return nearInfrared.getReadOnlyProperty();
    }

    /** The view the open tile shows: the chosen one, or its colours when it has no band. */
    TileView shown() {
        return nearInfrared.get() ? view.get() : TileView.COLOUR;
    }

    /** V: the next view, or why there is none. */
    void cycle() {
        if (!nearInfrared.get()) {
            status.accept("This tile has no near-infrared band, so only its colours can be shown. Import the imagery"
                    + " with its near-infrared frames (New project) or band (--nir-band) to see it.");
            return;
        }
        view.set(view.get().next());
        status.accept("Showing " + view.get().description().toLowerCase(Locale.ROOT) + " (V for the next view)");
    }

    /**
     * Paints the tile in a near-infrared view in the background and hands the picture to {@code shown} on the JavaFX
     * thread; when a file cannot be read, the status bar says which and why, and {@code failed} runs instead.
     */
    void paint(Tile tile, TileView chosen, Consumer<Image> shown, Runnable failed) {
        long ticket = paintings.incrementAndGet();
        boolean stretch = stretched.get();
        painter.execute(() -> {
            if (ticket != paintings.get()) {
                return; // another tile or view was asked for since: paging through tiles paints only the last
            }
            try {
                Image image = SwingFXUtils.toFXImage(picture(tile, chosen, stretch), null);
                Platform.runLater(() -> shown.accept(image));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    status.accept("Cannot show the " + chosen.description().toLowerCase(Locale.ROOT) + " view of "
                            + tile.name() + ": " + ErrorText.of(e) + "; showing its colours.");
                    failed.run();
                });
            }
        });
    }

    private BufferedImage picture(Tile tile, TileView chosen, boolean stretch) throws IOException {
        return switch (chosen) {
            case COLOUR -> stretch ? StretchedColour.of(read(tile.image())) : read(tile.image());
            case NEAR_INFRARED -> NearInfraredViews.grey(read(project.nearInfraredFile(tile)).getRaster());
            case FALSE_COLOUR -> NearInfraredViews.falseColour(read(tile.image()),
                    read(project.nearInfraredFile(tile)).getRaster());
        };
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image ImageIO can read");
        }
        return image;
    }

    @Override
    public void close() {
        painter.shutdownNow();
    }
}

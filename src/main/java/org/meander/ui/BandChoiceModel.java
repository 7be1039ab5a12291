package org.meander.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.meander.project.ImageryOptions;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.BandPreview;

/**
 * The bands of multi-band imagery as a window chooses them: those that make the picture (red, green, blue) and the
 * one kept as near-infrared. Offered once the imagery is found to hold more than three bands, three it does not name,
 * or to name its bands in another order; a choice made for other imagery and hidden since is not applied. The bands
 * the imagery names are filled in, unless the user chose others, and a small picture of the imagery shows the choice
 * as tiles would (and, for a raster to cut, the raster whatever its bands).
 */
final class BandChoiceModel {

    private final StringProperty rgb = new SimpleStringProperty("");
    private final ObjectProperty<Integer> nearInfrared = new SimpleObjectProperty<>(0);
    private final ObservableList<Integer> nearInfraredChoices = FXCollections.observableArrayList(0);
    private final IntegerProperty bandsFound = new SimpleIntegerProperty();
    private final ObjectProperty<BandNames> names = new SimpleObjectProperty<>(BandNames.NONE);
    /** What was last filled in from the names, to tell it from the user's own choice. */
    private final ObjectProperty<BandChoice> filled = new SimpleObjectProperty<>(BandChoice.DEFAULT);
    /** Three bands whose names say nothing (not stored as RGB) may be in any order: blue, green, red, say. */
    private final BooleanBinding offered = Bindings.createBooleanBinding(
            () -> bandsFound.get() > 3 || bandsFound.get() > 0 && !filled.get().isDefaultRgb()
                    || bandsFound.get() == 3 && names.get().text().isEmpty(), bandsFound, filled, names);
    private final ReadOnlyObjectWrapper<Image> preview = new ReadOnlyObjectWrapper<>();
    private final LatestRead<Image> previews = new LatestRead<>("meander-band-preview");
    /** The file whose bands were found, which the preview shows; null while none is. */
    private Path file;
    /** The pictures of {@link #file}: read once, drawn anew for each choice of bands. */
    private BandPreview pictures;
    /** Whether {@link #found} is filling the fields in, which shows the preview once, at its end. */
    private boolean filling;
    private final boolean previewAlways;

    /**
     * @param previewAlways whether the picture is shown for any imagery found (a raster to cut, which it shows), not
     *                      only while the choice is offered (one image of a folder, which stands for the others only
     *                      in its bands)
     */
    BandChoiceModel(boolean previewAlways) {
        this.previewAlways = previewAlways;
        rgb.addListener((o, old, typed) -> {
            if (!filling) {
                showPreview();
            }
        });
    }

    /** The bands that make the picture, "red,green,blue" as GIS tools number them; blank for 1,2,3. */
    StringProperty rgbProperty() {
        return rgb;
    }

    /** The band kept as near-infrared, numbered from 1; 0 for none. */
    ObjectProperty<Integer> nearInfraredProperty() {
        return nearInfrared;
    }

    /** 0 (none), then each band of the imagery. */
    ObservableList<Integer> nearInfraredChoices() {
        return nearInfraredChoices;
    }

    /** Whether the choice is offered: the imagery holds more than red, green and blue. */
    BooleanBinding offeredProperty() {
        return offered;
    }

    /**
     * The imagery's headers were read: it holds {@code bands} bands at most (0 when none could be read) and names them
     * {@code names}, read from {@code file} (null when none). The bands named red, green, blue and near-infrared
     * replace those filled in before, not the user's.
     */
    void found(int bands, BandNames names, Path file) {
        this.names.set(names);
        this.file = file;
        this.pictures = new BandPreview(file);
        BandChoice named = BandChoice.of(names);
        int chosen = chosenNearInfrared();
        boolean ownNearInfrared = chosen != filled.get().nearInfrared().orElse(0);
        boolean ownRgb = !rgb.get().isBlank() && !rgb.get().strip().equals(rgbText(filled.get()));
        filled.set(named);
        nearInfraredChoices.setAll(IntStream.rangeClosed(0, bands).boxed().toList());
        bandsFound.set(bands);
        if (!ownRgb) {
            filling = true;
            rgb.set(rgbText(named));
            filling = false;
        }
        int nir = ownNearInfrared ? chosen : named.nearInfrared().orElse(0);
        nearInfrared.set(nir > bands ? 0 : nir);
        showPreview();
    }

    /** A picture of the imagery with the bands chosen; null while there is none to show (or the bands are wrong). */
    ReadOnlyObjectProperty<Image> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    private void showPreview() {
        if (file == null || !(previewAlways || offered.get()) || problem("the imagery") != null) {
            previews.cancel();
            preview.set(null);
            return;
        }
        BandPreview from = pictures;
        BandChoice bands = choice();
        previews.ask(() -> SwingFXUtils.toFXImage(from.picture(bands), null), null, preview::set);
    }

    /** The red, green and blue bands as the field shows them: empty for 1,2,3. */
    private static String rgbText(BandChoice choice) {
        return choice.isDefaultRgb() ? "" : choice.rgbText();
    }

    /** The bands a file names, as a window says them after its bands: ", named 1 Blue, 2 Green"; "" for none. */
    static String named(BandNames names) {
        return names.text().isEmpty() ? "" : ", named " + names.text();
    }

    /** A band as the near-infrared choice shows it: "4 NIR" where the imagery names it, "none" for 0. */
    String bandText(Integer band) {
        if (band == null || band == 0) {
            return "none";
        }
        String name = band <= names.get().names().size() ? names.get().names().get(band - 1) : "";
        return name.isEmpty() ? band.toString() : band + " " + name;
    }

    /** The near-infrared band chosen and offered, 0 for none (also while the choice box has no value). */
    int chosenNearInfrared() {
        Integer band = nearInfrared.get();
        return !offered.get() || band == null ? 0 : band;
    }

    /** The choice, as imports and cuts take it: bands 1, 2, 3 and no near-infrared when it is not offered. */
    BandChoice choice() {
        boolean typed = offered.get() && !rgb.get().isBlank();
        return BandChoice.parse(typed ? rgb.get() : null, chosenNearInfrared() == 0 ? null : chosenNearInfrared());
    }

    /**
     * Which bands are as the imagery's names filled them in, not chosen by the user: each image of a folder takes
     * those from its own names.
     */
    ImageryOptions.ByName byName() {
        return new ImageryOptions.ByName(rgb.get().strip().equals(rgbText(filled.get())),
                chosenNearInfrared() == filled.get().nearInfrared().orElse(0));
    }

    /** What is wrong with the bands typed, in words, naming {@code where} the bands were found; null when nothing. */
    String problem(String where) {
        if (!offered.get() || rgb.get().isBlank()) {
            return null;
        }
        String[] parts = rgb.get().strip().split("\\s*,\\s*");
        boolean three = parts.length == 3 && Arrays.stream(parts).allMatch(part -> part.matches("[1-9]\\d{0,2}")
                && Integer.parseInt(part) <= bandsFound.get());
        return three ? null : "Bands: three band numbers for red, green and blue, 1 to " + bandsFound.get() + " ("
                + where + " has " + bandsFound.get() + "), such as 3,2,1; empty for 1,2,3.";
    }
}

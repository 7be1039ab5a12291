package org.meander.ui.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.train.CheckpointKind;
import org.meander.train.RunDecoder;

/**
 * The decoders a new run may start from: the model's own (null), or the best or last checkpoint of each earlier run
 * of the same model, to train again once more labels are corrected.
 */
final class StartingChoices {

    private final ObservableList<RunDecoder> choices = FXCollections.observableArrayList(
            new ArrayList<>(Collections.singletonList((RunDecoder) null)));
    private final ObjectProperty<RunDecoder> chosen = new SimpleObjectProperty<>();

    /** The model's own decoder first (null), then the earlier runs'. */
    ObservableList<RunDecoder> choices() {
        return choices;
    }

    /** The decoder the next run starts from; null for the model's own. */
    ObjectProperty<RunDecoder> chosenProperty() {
        return chosen;
    }

    /** Offers these instead, keeping the choice when it is still offered. */
    void offer(List<RunDecoder> earlierRuns) {
        RunDecoder keep = chosen.get();
        List<RunDecoder> all = new ArrayList<>();
        all.add(null);
        all.addAll(earlierRuns);
        choices.setAll(all);
        chosen.set(earlierRuns.contains(keep) ? keep : null);
    }

    /**
     * The checkpoints of the runs that tuned {@code baseModel}, each run's best then its last, off the JavaFX thread:
     * it looks at their files. None without a model.
     */
    static List<RunDecoder> of(List<PastRun> runs, Path baseModel) {
        List<RunDecoder> found = new ArrayList<>();
        if (baseModel == null) {
            return found;
        }
        for (PastRun run : runs) {
            if (run.problem() != null || !sameFolder(Path.of(run.info().baseModel()), baseModel)) {
                continue;
            }
            for (CheckpointKind kind : List.of(CheckpointKind.BEST, CheckpointKind.LAST)) {
                if (Files.isRegularFile(run.folder().checkpoint(kind))) {
                    found.add(new RunDecoder(run.name(), kind));
                }
            }
        }
        return found;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}

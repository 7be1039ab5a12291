package org.meander.project.hf;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How a dataset's files name their split: {@code train-00000-of-00001.parquet}, {@code validation-...}, ... */
public final class HfSplitFiles {

    /**
     * The words the {@code datasets} library takes for each split in a file or folder name (its
     * {@code SPLIT_KEYWORDS}), so Meander reads a download's splits as {@code load_dataset} would.
     */
    private static final Map<String, String> SPLIT_WORDS = Map.ofEntries(
            Map.entry("train", "train"), Map.entry("training", "train"),
            Map.entry("validation", "validation"), Map.entry("valid", "validation"),
            Map.entry("dev", "validation"), Map.entry("val", "validation"),
            Map.entry("test", "test"), Map.entry("testing", "test"),
            Map.entry("eval", "test"), Map.entry("evaluation", "test"));

    private HfSplitFiles() {
    }

    /** The file of a split written whole, as the hub names it: {@code train-00000-of-00001.parquet}. */
    public static String fileName(String split) {
        return split + "-00000-of-00001.parquet";
    }

    /**
     * The split ({@code train}, {@code validation} or {@code test}) of a dataset file: the first split word in its
     * name ({@code train-00000-of-00001.parquet}), else in its folder's ({@code default/train/0000.parquet}, the
     * layout of the hub's parquet conversion); empty when neither names one.
     */
    public static Optional<String> splitOf(Path file) {
        Optional<String> split = splitIn(stem(file.getFileName().toString()));
        Path folder = file.toAbsolutePath().getParent();
        if (split.isEmpty() && folder != null && folder.getFileName() != null) {
            split = splitIn(folder.getFileName().toString());
        }
        return split;
    }

    private static Optional<String> splitIn(String name) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            String split = SPLIT_WORDS.get(word);
            if (split != null) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }
}

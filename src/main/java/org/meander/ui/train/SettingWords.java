package org.meander.ui.train;

import java.util.Map;

/**
 * The words the Train tab uses for each training setting ("Learning rate" for config.json's learningRate): beside its
 * field, in its problems and in a past run's settings alike.
 */
final class SettingWords {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("promptType", "Prompt"),
            Map.entry("positivePoints", "Positives"),
            Map.entry("negativePoints", "Negatives"),
            Map.entry("erodeRegions", "Erode regions"),
            Map.entry("boxPerturbation", "Box jitter"),
            Map.entry("pointFeeding", "Feeding"),
            Map.entry("outputHandling", "Output"),
            Map.entry("loss", "Loss"),
            Map.entry("iouLoss", "IoU loss"),
            Map.entry("learningRate", "Learning rate"),
            Map.entry("weightDecay", "Weight decay"),
            Map.entry("beta1", "Beta 1"),
            Map.entry("beta2", "Beta 2"),
            Map.entry("warmupSteps", "Warm-up"),
            Map.entry("schedule", "Schedule"),
            Map.entry("batchSize", "Batch size"),
            Map.entry("epochs", "Epochs"),
            Map.entry("seed", "Seed"),
            Map.entry("patience", "Patience"));

    private SettingWords() {
    }

    /** The words for a config.json name; the name itself for one the tab does not know. */
    static String of(String key) {
        return WORDS.getOrDefault(key, key);
    }
}

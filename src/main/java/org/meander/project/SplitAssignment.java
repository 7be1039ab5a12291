package org.meander.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded random split by ratio: the same names, ratios and seed always give the same assignment. */
final class SplitAssignment {

    /** What a new project gets unless told otherwise. */
    static final double DEFAULT_TRAIN = 0.8;
    static final double DEFAULT_VALIDATION = 0.1;
    static final long DEFAULT_SEED = 0;

    private SplitAssignment() {
    }

    /** Shuffles {@code names} (in their sorted order first) with the seed, then cuts by the ratios; the rest is test. */
    static Map<String, Split> seeded(List<String> names, double train, double validation, long seed) {
        if (train < 0 || validation < 0 || train + validation > 1) {
            throw new IllegalArgumentException("split ratios train " + train + " and validation " + validation
                    + " must be at least 0 and add up to at most 1");
        }
        List<String> order = new ArrayList<>(names);
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        int trainCount = (int) Math.round(order.size() * train);
        int validationCount = Math.min(order.size() - trainCount, (int) Math.round(order.size() * validation));
        Map<String, Split> splits = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            splits.put(order.get(i), i < trainCount ? Split.TRAIN
                    : i < trainCount + validationCount ? Split.VALIDATION : Split.TEST);
        }
        return splits;
    }
}

package org.meander.ui.train;

/** Durations in words a progress line can show. */
final class Durations {

    private Durations() {
    }

    /** "45 s", "4 min 05 s", "2 h 03 min"; "?" for an unknown duration. */
    static String format(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format("%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
    }
}

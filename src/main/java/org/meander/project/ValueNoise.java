package org.meander.project;

import java.util.Random;

/**
 * Smooth random noise for the sample tiles: random values on a square lattice, blended with a smoothstep, summed over
 * octaves of doubling frequency. The lattice repeats every 256 cells, far more than a tile spans at any scale used.
 */
final class ValueNoise {

    private static final int PERIOD = 256;

    private final float[] lattice = new float[PERIOD * PERIOD];

    ValueNoise(Random random) {
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = random.nextFloat();
        }
    }

    /** Noise in [0, 1] whose features are about {@code scale} pixels wide, with {@code octaves} finer layers. */
    double at(double x, double y, double scale, int octaves) {
        double sum = 0;
        double weight = 1;
        double total = 0;
        double frequency = 1 / scale;
        for (int octave = 0; octave < octaves; octave++) {
            // Each octave is offset so that the layers' lattice points do not line up.
            sum += weight * smooth(x * frequency + 37.1 * octave, y * frequency + 11.7 * octave);
            total += weight;
            weight /= 2;
            frequency *= 2;
        }
        return sum / total;
    }

    private double smooth(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double tx = fade(x - x0);
        double ty = fade(y - y0);
        double top = lerp(value(x0, y0), value(x0 + 1, y0), tx);
        double bottom = lerp(value(x0, y0 + 1), value(x0 + 1, y0 + 1), tx);
        return lerp(top, bottom, ty);
    }

    private float value(int x, int y) {
        return lattice[Math.floorMod(y, PERIOD) * PERIOD + Math.floorMod(x, PERIOD)];
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}

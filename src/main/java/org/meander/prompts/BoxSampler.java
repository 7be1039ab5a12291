package org.meander.prompts;

import org.meander.project.LabelMask;
import org.meander.sam.Box;

import java.util.random.RandomGenerator;

/**
 * The seed tutorial's box sampler: the label's extent, each coordinate moved by a uniform integer in [-p, p-1] and
 * kept inside the image.
 */
public final class BoxSampler {

    private final BoxSettings settings;

    public BoxSampler(BoxSettings settings) {
        this.settings = settings;
    }

    /** Draws x0, y0, x1, y1 in that order, so one seed gives one box. */
    public Box sample(LabelMask mask, RandomGenerator random) {
        int width = mask.width();
        byte[] pixels = mask.pixels();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] == 1) {
                int x = i % width;
                int y = i / width;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (maxX < 0) {
            throw new IllegalArgumentException("cannot sample a box: the label is empty (no foreground pixel)");
        }
        int x0 = moved(minX, width, random);
        int y0 = moved(minY, mask.height(), random);
        int x1 = moved(maxX, width, random);
        int y1 = moved(maxY, mask.height(), random);
        // Perturbing a narrow extent can cross its sides; reordering keeps a valid box of the same two lines.
        return new Box(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }

    private int moved(int coordinate, int size, RandomGenerator random) {
        int p = settings.perturbation();
        int shift = p == 0 ? 0 : random.nextInt(-p, p);
        return Math.max(0, Math.min(size - 1, coordinate + shift));
    }
}

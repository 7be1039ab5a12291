package org.meander.prompts;

import java.util.random.RandomGenerator;

/**
 * The pixels still available for drawing points, kept as a dense list with each pixel's place in it, so that a
 * uniform draw and a removal are both O(1) however large the tile.
 */
final class Region {

    private final int width;
    private final int height;
    private final int[] members;
    private final int[] placeOf;
    private int size;

    Region(boolean[] pixels, int width, int height) {
        this.width = width;
        this.height = height;
        this.members = new int[pixels.length];
        this.placeOf = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i]) {
                members[size] = i;
                placeOf[i] = size++;
            } else {
                placeOf[i] = -1;
            }
        }
    }

    int size() {
        return size;
    }

    /** A pixel index (y * width + x) drawn uniformly from the region; the region must not be empty. */
    int draw(RandomGenerator random) {
        return members[random.nextInt(size)];
    }

    /** Removes every pixel within {@code radius} of the pixel, the pixel itself included. */
    void removeDisc(int centre, double radius) {
        int cx = centre % width;
        int cy = centre / width;
        int reach = (int) Math.floor(radius);
        double radiusSquared = radius * radius;
        for (int y = Math.max(0, cy - reach); y <= Math.min(height - 1, cy + reach); y++) {
            for (int x = Math.max(0, cx - reach); x <= Math.min(width - 1, cx + reach); x++) {
                double dx = x - cx;
                double dy = y - cy;
                if (dx * dx + dy * dy <= radiusSquared) {
                    remove(y * width + x);
                }
            }
        }
    }

    private void remove(int pixel) {
        int place = placeOf[pixel];
        if (place < 0) {
            return;
        }
        int last = members[--size];
        members[place] = last;
        placeOf[last] = place;
        placeOf[pixel] = -1;
    }
}

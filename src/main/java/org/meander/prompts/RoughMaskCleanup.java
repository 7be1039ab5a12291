package org.meander.prompts;

import org.meander.project.LabelMask;
import org.meander.project.edit.MaskOps;

/**
 * How a thresholded mask becomes a {@link RoughMask}: components (8-connected) of fewer than {@code minArea} pixels go,
 * then the rest is eroded {@code erosion} times by a 3x3 square.
 *
 * <p>The default minimum area, 400 pixels (a 20 x 20 patch), is above the specks a threshold leaves on bright
 * ground and sunlit crowns, and well below a river reach or a creek 5 pixels wide and 80 long. The default 3
 * erosions keep points 3 pixels inside the mask's edge, where colour and index are mixed with the bank's.
 */
public record RoughMaskCleanup(int minArea, int erosion) {

    public static final RoughMaskCleanup DEFAULT = new RoughMaskCleanup(400, 3);

    public RoughMaskCleanup {
        if (minArea < 0 || erosion < 0) {
            throw new IllegalArgumentException("rough mask clean-up: minimum area " + minArea + " and erosion "
                    + erosion + " must not be negative");
        }
    }

    public RoughMask apply(LabelMask thresholded) {
        return apply(thresholded, new LabelMask(thresholded.width(), thresholded.height(),
                new byte[thresholded.pixels().length]));
    }

    /**
     * As {@link #apply(LabelMask)}, where the pixels of {@code unknown} had nothing to threshold (a near-infrared frame
     * from another camera does not reach them): not water, and not surely dry either, so negative points keep the
     * erosion's margin away from them as from water. They may well be river.
     */
    public RoughMask apply(LabelMask thresholded, LabelMask unknown) {
        LabelMask water = MaskOps.removeIslands(thresholded, minArea);
        int width = thresholded.width();
        int height = thresholded.height();
        // The river goes on past the tile's edge, so the edge does not erode it (nor grow the background).
        boolean[] core = SquareErosion.erode(members(water, (byte) 1), width, height, erosion, true);
        boolean[] dry = members(thresholded, (byte) 0);
        byte[] unknownPixels = unknown.pixels();
        for (int i = 0; i < dry.length; i++) {
            dry[i] &= unknownPixels[i] == 0;
        }
        boolean[] surelyDry = SquareErosion.erode(dry, width, height, erosion, true);
        return new RoughMask(water, mask(core, width, height, (byte) 1), mask(surelyDry, width, height, (byte) 0));
    }

    private static boolean[] members(LabelMask mask, byte value) {
        byte[] pixels = mask.pixels();
        boolean[] members = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            members[i] = pixels[i] == value;
        }
        return members;
    }

    /** A mask that holds {@code value} on the members and the other value elsewhere. */
    private static LabelMask mask(boolean[] members, int width, int height, byte value) {
        byte[] pixels = new byte[members.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = members[i] ? value : (byte) (1 - value);
        }
        return new LabelMask(width, height, pixels);
    }
}

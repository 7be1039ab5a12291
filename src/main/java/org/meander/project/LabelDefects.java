package org.meander.project;

import java.util.Random;

/**
 * The mistakes researchers correct by hand in labels that came from elsewhere (an older model, a threshold, a
 * hurried annotator): a label offset by a few pixels, a channel drawn too thin or too fat, a stretch of river
 * missed, a patch of land marked as water, holes. Each sample tile gets one or two of them.
 */
final class LabelDefects {

    private LabelDefects() {
    }

    /** The defects of the sample tile with this number, from 1: each tile shows a different combination. */
    static LabelMask imperfect(LabelMask truth, int tileNumber, Random random) {
        return switch ((tileNumber - 1) % 6) {
            case 0 -> shifted(truth, random);
            case 1 -> holes(eroded(truth, 2 + random.nextInt(2)), random);
            case 2 -> spuriousBlob(dilated(truth, 2 + random.nextInt(3)), random);
            case 3 -> holes(missingChunk(truth, random), random);
            case 4 -> spuriousBlob(shifted(truth, random), random);
            default -> spuriousBlob(missingChunk(truth, random), random);
        };
    }

    /** Offset by 3 to 5 pixels in some direction, as when a label was drawn on a slightly misregistered image. */
    private static LabelMask shifted(LabelMask mask, Random random) {
        double angle = random.nextDouble() * 2 * Math.PI;
        double distance = 3 + 2 * random.nextDouble();
        int dx = (int) Math.round(distance * Math.cos(angle));
        int dy = (int) Math.round(distance * Math.sin(angle));
        int width = mask.width();
        int height = mask.height();
        byte[] out = new byte[width * height];
        for (int y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
            for (int x = Math.max(0, dx); x < Math.min(width, width + dx); x++) {
                out[y * width + x] = mask.pixels()[(y - dy) * width + x - dx];
            }
        }
        return new LabelMask(width, height, out);
    }

    private static LabelMask eroded(LabelMask mask, int pixels) {
        return grown(mask, pixels, (byte) 0);
    }

    private static LabelMask dilated(LabelMask mask, int pixels) {
        return grown(mask, pixels, (byte) 1);
    }

    /** Spreads {@code value} into its 4-neighbours {@code steps} times: dilation for 1, erosion for 0. */
    private static LabelMask grown(LabelMask mask, int steps, byte value) {
        int width = mask.width();
        int height = mask.height();
        byte[] current = mask.pixels().clone();
        for (int step = 0; step < steps; step++) {
            byte[] next = current.clone();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    if (current[i] != value && ((x > 0 && current[i - 1] == value)
                            || (x < width - 1 && current[i + 1] == value)
                            || (y > 0 && current[i - width] == value)
                            || (y < height - 1 && current[i + width] == value))) {
                        next[i] = value;
                    }
                }
            }
            current = next;
        }
        return new LabelMask(width, height, current);
    }

    /** A stretch of river left out: a disc of 30 to 45 pixels cleared around a water pixel. */
    private static LabelMask missingChunk(LabelMask mask, Random random) {
        int[] at = randomPixel(mask, (byte) 1, random);
        return disc(mask, at[0], at[1], 30 + 15 * random.nextDouble(), 0, (byte) 0);
    }

    /** Land taken for water: an irregular blob of 15 to 25 pixels' radius, centred on land. */
    private static LabelMask spuriousBlob(LabelMask mask, Random random) {
        int[] at = randomPixel(mask, (byte) 0, random);
        return disc(mask, at[0], at[1], 15 + 10 * random.nextDouble(), 0.35, (byte) 1);
    }

    /** Four to seven small holes of 4 to 8 pixels' radius in the water, as from glare or a threshold. */
    private static LabelMask holes(LabelMask mask, Random random) {
        LabelMask out = mask;
        int count = 4 + random.nextInt(4);
        for (int hole = 0; hole < count; hole++) {
            int[] at = randomPixel(out, (byte) 1, random);
            out = disc(out, at[0], at[1], 4 + 4 * random.nextDouble(), 0, (byte) 0);
        }
        return out;
    }

    /** A pixel holding {@code value}, away from the border; the sample tiles always have both water and land. */
    private static int[] randomPixel(LabelMask mask, byte value, Random random) {
        int margin = Math.min(mask.width(), mask.height()) / 8;
        while (true) {
            int x = margin + random.nextInt(mask.width() - 2 * margin);
            int y = margin + random.nextInt(mask.height() - 2 * margin);
            if (mask.pixels()[y * mask.width() + x] == value) {
                return new int[] {x, y};
            }
        }
    }

    /** Sets a disc to {@code value}; {@code lobes} above 0 makes its edge wavy, so it looks drawn, not stamped. */
    private static LabelMask disc(LabelMask mask, int cx, int cy, double radius, double lobes, byte value) {
        int width = mask.width();
        int height = mask.height();
        byte[] out = mask.pixels().clone();
        double phase = cx * 0.37 + cy * 0.11;
        int reach = (int) Math.ceil(radius * (1 + lobes));
        for (int y = Math.max(0, cy - reach); y <= Math.min(height - 1, cy + reach); y++) {
            for (int x = Math.max(0, cx - reach); x <= Math.min(width - 1, cx + reach); x++) {
                double angle = Math.atan2(y - cy, x - cx);
                double edge = radius * (1 + lobes * (0.6 * Math.sin(2 * angle + phase) + 0.4 * Math.sin(5 * angle)));
                if (Math.hypot(x - cx, y - cy) <= edge) {
                    out[y * width + x] = value;
                }
            }
        }
        return new LabelMask(width, height, out);
    }
}

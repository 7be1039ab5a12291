package org.meander.project.edit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The difference between two masks of the same size, kept small enough that a hundred undo steps of a 4096 x 4096
 * label cost kilobytes rather than gigabytes: only the bounding box of the changed pixels, as the exclusive-or of
 * before and after, deflated. Since x ^ d ^ d = x, the same patch turns the before into the after and back, so one
 * patch serves both undo and redo.
 */
final class MaskPatch {

    private final int left;
    private final int top;
    private final int boxWidth;
    private final int boxHeight;
    private final byte[] deflated;

    private MaskPatch(int left, int top, int boxWidth, int boxHeight, byte[] deflated) {
        this.left = left;
        this.top = top;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.deflated = deflated;
    }

    /** The patch between two row-major images of the given width, or null when they are equal. */
    static MaskPatch between(byte[] before, byte[] after, int width) {
        int height = before.length / width;
        int top = 0;
        while (top < height && rowsEqual(before, after, width, top)) {
            top++;
        }
        if (top == height) {
            return null;
        }
        int bottom = height - 1;
        while (rowsEqual(before, after, width, bottom)) {
            bottom--;
        }
        int left = width;
        int right = -1;
        for (int row = top; row <= bottom; row++) {
            int start = row * width;
            int first = Arrays.mismatch(before, start, start + width, after, start, start + width);
            if (first >= 0) {
                left = Math.min(left, first);
                int last = width - 1;
                while (before[start + last] == after[start + last]) {
                    last--;
                }
                right = Math.max(right, last);
            }
        }
        int boxWidth = right - left + 1;
        int boxHeight = bottom - top + 1;
        byte[] difference = new byte[boxWidth * boxHeight];
        for (int row = 0; row < boxHeight; row++) {
            int at = (top + row) * width + left;
            for (int col = 0; col < boxWidth; col++) {
                difference[row * boxWidth + col] = (byte) (before[at + col] ^ after[at + col]);
            }
        }
        return new MaskPatch(left, top, boxWidth, boxHeight, deflate(difference));
    }

    /** Turns the image this patch was made from into the other one, in place; either way round. */
    void applyTo(byte[] pixels, int width) {
        byte[] difference = inflate(deflated, boxWidth * boxHeight);
        for (int row = 0; row < boxHeight; row++) {
            int at = (top + row) * width + left;
            for (int col = 0; col < boxWidth; col++) {
                pixels[at + col] ^= difference[row * boxWidth + col];
            }
        }
    }

    /** The bytes this patch keeps, its compressed difference. */
    int storedBytes() {
        return deflated.length;
    }

    private static boolean rowsEqual(byte[] before, byte[] after, int width, int row) {
        int start = row * width;
        return Arrays.equals(before, start, start + width, after, start, start + width);
    }

    private static byte[] deflate(byte[] data) {
        // The fastest level: a difference is mostly long runs of zeros, which every level compresses alike.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[length];
            int filled = 0;
            while (filled < length) {
                int got = inflater.inflate(out, filled, length - filled);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new IllegalStateException("an undo step's stored difference is truncated");
                }
                filled += got;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("an undo step's stored difference is corrupt", e);
        } finally {
            inflater.end();
        }
    }
}

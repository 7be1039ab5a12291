package org.meander.project.raster.jpeg2000;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A JPEG 2000 codestream as its image and tile size marker (SIZ, right after its start marker) describes it: the
 * image's size and each component's samples.
 *
 * @param start  where the codestream starts in the file
 * @param length its length in bytes
 */
public record Codestream(long start, long length, int width, int height, List<Component> components) {

    /** Start of codestream, then the SIZ marker. */
    private static final int SOC = 0xff4f;
    private static final int SIZ = 0xff51;
    /** End of codestream: every codestream ends with it, so a file cut short lacks it. */
    private static final int EOC = 0xffd9;
    /** SOC, SIZ's marker and length, Rsiz, the eight sizes and Csiz. */
    private static final int SIZ_FIXED = 42;

    /**
     * One component's samples: their depth in bits, whether signed, and its sampling distance from the image's grid
     * (1: every pixel).
     */
    public record Component(int bits, boolean signed, int stepAcross, int stepDown) {
    }

    public Codestream {
        components = List.copyOf(components);
    }

    /** Whether the bytes start a codestream: a raw one (a .j2k file) starts so. */
    static boolean startsCodestream(byte[] first) {
        return first.length >= 4 && (ByteBuffer.wrap(first).getInt(0) == (SOC << 16 | SIZ));
    }

    static Codestream read(FileChannel channel, long start, long length) throws IOException {
        if (length < SIZ_FIXED + 2) {
            throw new IOException("damaged: a codestream of " + length + " bytes");
        }
        ByteBuffer fixed = ByteBuffer.wrap(Jp2Box.read(channel, start, SIZ_FIXED));
        if (!startsCodestream(fixed.array())) {
            throw new IOException("damaged: its codestream does not start with JPEG 2000's start and size markers"
                    + " (FF4F FF51)");
        }
        long width = (fixed.getInt(8) & 0xffffffffL) - (fixed.getInt(16) & 0xffffffffL);
        long height = (fixed.getInt(12) & 0xffffffffL) - (fixed.getInt(20) & 0xffffffffL);
        int count = fixed.getShort(40) & 0xffff;
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || count == 0
                || SIZ_FIXED + 3L * count > length) {
            throw new IOException("damaged: its size marker gives " + width + " x " + height + " pixels and " + count
                    + " components");
        }
        ByteBuffer each = ByteBuffer.wrap(Jp2Box.read(channel, start + SIZ_FIXED, 3 * count));
        List<Component> components = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int depth = each.get(3 * c) & 0xff;
            components.add(new Component((depth & 0x7f) + 1, (depth & 0x80) != 0, each.get(3 * c + 1) & 0xff,
                    each.get(3 * c + 2) & 0xff));
        }
        ByteBuffer end = ByteBuffer.wrap(Jp2Box.read(channel, start + length - 2, 2));
        if ((end.getShort(0) & 0xffff) != EOC) {
            throw new IOException("truncated: its codestream does not end with JPEG 2000's end marker (FFD9), as a"
                    + " file cut short does not");
        }
        return new Codestream(start, length, (int) width, (int) height, components);
    }
}

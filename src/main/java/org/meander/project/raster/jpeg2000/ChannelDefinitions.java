package org.meander.project.raster.jpeg2000;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * What a JP2 file's channel definition box ({@code cdef}, in {@code jp2h}) says of its components: which is alpha
 * (type 1, opacity, or 2, premultiplied opacity; GDAL and OpenCV write 1 for RGBA). A fourth band it does not mark so
 * (NAIP's near-infrared) is imagery. Files without the box have no alpha.
 *
 * @param reordered whether a colour is held in another component than its own (colour 1 in component 3): decoders
 *                  differ on which band comes first then
 */
public record ChannelDefinitions(OptionalInt alpha, boolean reordered) {

    /** A file without the box. */
    static final ChannelDefinitions NONE = new ChannelDefinitions(OptionalInt.empty(), false);
    private static final int COLOUR = 0;
    private static final int OPACITY = 1;
    private static final int PREMULTIPLIED_OPACITY = 2;
    private static final int UNASSOCIATED = 0xffff;

    /** The box's content for an image of {@code components} components. */
    static ChannelDefinitions read(byte[] cdef, int components) throws IOException {
        ByteBuffer content = ByteBuffer.wrap(cdef);
        if (cdef.length < 2 || cdef.length < 2 + 6 * (content.getShort(0) & 0xffff)) {
            throw new IOException("damaged: its channel definition box (cdef) holds " + cdef.length + " bytes");
        }
        int count = content.getShort(0) & 0xffff;
        OptionalInt alpha = OptionalInt.empty();
        boolean reordered = false;
        for (int i = 0; i < count; i++) {
            int channel = content.getShort(2 + 6 * i) & 0xffff;
            int type = content.getShort(4 + 6 * i) & 0xffff;
            int association = content.getShort(6 + 6 * i) & 0xffff;
            if (channel >= components) {
                continue; // OpenJPEG passes over such a definition too
            }
            if (type == OPACITY || type == PREMULTIPLIED_OPACITY) {
                alpha = OptionalInt.of(channel);
            } else if (type == COLOUR && association != 0 && association != UNASSOCIATED) {
                reordered |= association - 1 != channel;
            }
        }
        return new ChannelDefinitions(alpha, reordered);
    }
}

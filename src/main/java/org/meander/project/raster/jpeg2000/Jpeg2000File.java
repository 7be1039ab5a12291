package org.meander.project.raster.jpeg2000;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.meander.project.raster.Georeferencing;
import org.meander.project.raster.TiffField;
import org.meander.project.raster.tiff.TiffBytes;
import org.meander.project.raster.tiff.TiffDirectory;

/**
 * What a JPEG 2000 file says before its pixels are decoded: its codestream's size and components, whether it holds
 * sRGB colours, which component is alpha ({@link ChannelDefinitions}), and its place on the map, as the GeoTIFF fields
 * of its GeoJP2 box (a degenerate GeoTIFF, read as Meander reads a TIFF's) when it has one that places it, else those
 * its GMLJP2 box gives ({@link GmlJp2}); GDAL reads them in that order too. A JP2 file is a sequence of boxes; a raw
 * codestream (a .j2k file) has none of them.
 *
 * @param colour whether the colour specification box says sRGB: its first three components are red, green, blue
 */
public record Jpeg2000File(Codestream codestream, boolean colour, ChannelDefinitions channels,
        List<TiffField> georeferencing) {

    /** The JP2 signature box: every JP2 file starts with these 12 bytes. */
    static final byte[] SIGNATURE = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0d, 0x0a, (byte) 0x87, 0x0a};
    private static final byte[] GEOJP2_UUID = {(byte) 0xb1, 0x4b, (byte) 0xf8, (byte) 0xbd, 0x08, 0x3d, 0x4b, 0x43,
        (byte) 0xa5, (byte) 0xae, (byte) 0x8c, (byte) 0xd7, (byte) 0xd5, (byte) 0xa6, (byte) 0xce, 0x03};
    private static final int ENUMERATED = 1;
    private static final int SRGB = 16;

    public Jpeg2000File {
        georeferencing = List.copyOf(georeferencing);
    }

    /** Whether a file starting with these bytes (12 or more) is JPEG 2000: a JP2 file or a raw codestream. */
    public static boolean startsJpeg2000(byte[] first) {
        return (first.length >= SIGNATURE.length
                && Arrays.equals(first, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length))
                || Codestream.startsCodestream(first);
    }

    /**
     * Reads the boxes and the codestream's size marker; the message of an exception says what is damaged or cut
     * short.
     */
    public static Jpeg2000File read(FileChannel channel) throws IOException {
        byte[] first = Jp2Box.read(channel, 0, (int) Math.min(SIGNATURE.length, channel.size()));
        if (Codestream.startsCodestream(first)) {
            return new Jpeg2000File(Codestream.read(channel, 0, channel.size()), false, ChannelDefinitions.NONE,
                    List.of());
        }
        Jp2Box codestream = null;
        boolean colour = false;
        byte[] channels = null;
        List<TiffField> geoJp2 = List.of();
        List<TiffField> gml = List.of();
        for (Jp2Box box : Jp2Box.within(channel, 0, channel.size())) {
            switch (box.type()) {
                case "jp2h" -> {
                    for (Jp2Box inside : box.children(channel)) {
                        if (inside.type().equals("colr")) {
                            colour |= isSrgb(inside.content(channel));
                        } else if (inside.type().equals("cdef")) {
                            channels = inside.content(channel);
                        }
                    }
                }
                case "uuid" -> {
                    if (geoJp2.isEmpty() && box.length() <= Jp2Box.MOST_READ) { // larger: XMP or others' data
                        geoJp2 = geoJp2(box.content(channel));
                    }
                }
                case "asoc" -> {
                    if (gml.isEmpty()) {
                        gml = gml(channel, box);
                    }
                }
                case "jp2c" -> codestream = codestream == null ? box : codestream;
                default -> {
                    // rreq, res, xml and the rest say nothing Meander uses
                }
            }
        }
        if (codestream == null) {
            throw new IOException("damaged: a JP2 file without a codestream box (jp2c)");
        }
        Codestream image = Codestream.read(channel, codestream.start(), codestream.length());
        return new Jpeg2000File(image, colour, channels == null ? ChannelDefinitions.NONE
                : ChannelDefinitions.read(channels, image.components().size()), geoJp2.isEmpty() ? gml : geoJp2);
    }

    /** A colour specification by enumerated colour space (method 1) that names sRGB. */
    private static boolean isSrgb(byte[] colr) {
        return colr.length >= 7 && colr[0] == ENUMERATED && ByteBuffer.wrap(colr).getInt(3) == SRGB;
    }

    /**
     * The fields of a GeoJP2 box's GeoTIFF when the box is one and they place the image; none for another UUID box, or
     * a GeoTIFF that cannot be read (GDAL passes over it too, to the GML). Only its place on the map is taken: GDAL
     * reads no band metadata or nodata value there.
     */
    private static List<TiffField> geoJp2(byte[] uuid) {
        if (uuid.length <= GEOJP2_UUID.length
                || !Arrays.equals(uuid, 0, GEOJP2_UUID.length, GEOJP2_UUID, 0, GEOJP2_UUID.length)) {
            return List.of();
        }
        try {
            List<TiffField> fields = TiffDirectory.readGeoreferencing(
                    TiffBytes.of(Arrays.copyOfRange(uuid, GEOJP2_UUID.length, uuid.length)));
            fields = fields.stream().filter(f -> f.number() != Georeferencing.GDAL_METADATA
                    && f.number() != Georeferencing.GDAL_NODATA).toList();
            return Georeferencing.of(fields).isPresent() ? fields : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The fields of the GML in an association box labelled {@code gml.data}: the XML box of its association labelled
     * {@code gml.root-instance}, as GDAL and Sentinel-2 write it.
     */
    private static List<TiffField> gml(FileChannel channel, Jp2Box asoc) throws IOException {
        List<Jp2Box> inside = asoc.children(channel);
        if (inside.isEmpty() || !label(channel, inside.get(0)).equals("gml.data")) {
            return List.of();
        }
        for (Jp2Box box : inside) {
            if (box.type().equals("asoc")) {
                List<Jp2Box> instance = box.children(channel);
                if (!instance.isEmpty() && label(channel, instance.get(0)).equals("gml.root-instance")) {
                    for (Jp2Box xml : instance) {
                        if (xml.type().equals("xml ") && xml.length() <= Jp2Box.MOST_READ) {
                            return GmlJp2.fields(xml.content(channel));
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** The text of a label box, without the NUL GDAL ends it with; "" for another box. */
    private static String label(FileChannel channel, Jp2Box box) throws IOException {
        if (!box.type().equals("lbl ")) {
            return "";
        }
        String text = new String(box.content(channel), StandardCharsets.UTF_8);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    /** What the file holds, for a message: "480 x 640 pixels, 3 components of 8-bit samples". */
    public String describe() {
        List<Codestream.Component> components = codestream.components();
        Codestream.Component first = components.get(0);
        boolean alike = components.stream().allMatch(c -> c.equals(first));
        return codestream.width() + " x " + codestream.height() + " pixels, " + components.size() + " component"
                + (components.size() == 1 ? "" : "s") + " of " + (alike ? samples(first) : components.stream()
                        .map(Jpeg2000File::samples).toList().toString());
    }

    private static String samples(Codestream.Component component) {
        return (component.signed() ? "signed " : "") + component.bits() + "-bit samples"
                + (component.stepAcross() == 1 && component.stepDown() == 1 ? ""
                        : " every " + component.stepAcross() + " x " + component.stepDown() + " pixels");
    }
}

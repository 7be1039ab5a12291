package org.meander.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.meander.project.raster.OpenCvLibrary;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * JPEG 2000 files for tests: written by OpenCV (lossless), then their boxes taken out or added as GDAL and
 * Sentinel-2 write them (GeoJP2, GMLJP2), or their codestream alone (a .j2k file). JP2 boxes hold no offsets to
 * other boxes, so boxes can be spliced freely.
 */
public final class Jp2Files {

    private static final byte[] GEOJP2_UUID = {(byte) 0xb1, 0x4b, (byte) 0xf8, (byte) 0xbd, 0x08, 0x3d, 0x4b, 0x43,
        (byte) 0xa5, (byte) 0xae, (byte) 0x8c, (byte) 0xd7, (byte) 0xd5, (byte) 0xa6, (byte) 0xce, 0x03};

    private Jp2Files() {
    }

    /**
     * The pixels written losslessly by OpenCV (channels as OpenCV orders them: blue, green, red, alpha); four
     * channels get a channel definition box calling the fourth alpha.
     */
    public static Path write(Path file, Mat pixels) throws IOException {
        OpenCvLibrary.ensureLoaded();
        if (!Imgcodecs.imwrite(file.toString(), pixels,
                new MatOfInt(Imgcodecs.IMWRITE_JPEG2000_COMPRESSION_X1000, 1000))) {
            throw new IOException("OpenCV wrote no " + file);
        }
        return file;
    }

    /** A box of this type and content. */
    public static byte[] box(String type, byte[] content) {
        return ByteBuffer.allocate(8 + content.length).putInt(8 + content.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(content).array();
    }

    /** A GeoJP2 box: the UUID, then a 1 x 1 GeoTIFF holding these fields, written by ImageIO in {@code folder}. */
    public static byte[] geoJp2(Path folder, List<TestRasters.Field> fields) throws IOException {
        Path tiff = TestRasters.tiff(Files.createTempFile(folder, "geojp2", ".tif"),
                TestRasters.raster(1, 1, 1, 8, (x, y, b) -> 0), 0, fields);
        byte[] geoTiff = Files.readAllBytes(tiff);
        byte[] content = Arrays.copyOf(GEOJP2_UUID, GEOJP2_UUID.length + geoTiff.length);
        System.arraycopy(geoTiff, 0, content, GEOJP2_UUID.length, geoTiff.length);
        return box("uuid", content);
    }

    /** A GMLJP2 box as GDAL and Sentinel-2 write it: gml.data holding gml.root-instance holding the XML. */
    public static byte[] gml(String xml) {
        byte[] instance = concat(box("lbl ", label("gml.root-instance")),
                box("xml ", xml.getBytes(StandardCharsets.UTF_8)));
        return box("asoc", concat(box("lbl ", label("gml.data")), box("asoc", instance)));
    }

    /**
     * A copy of the JP2 file without its top-level boxes of the types {@code drop} names (and without boxes inside
     * its header box named "jp2h/cdef"), with {@code add} put before the codestream.
     */
    public static Path spliced(Path from, Path to, List<String> drop, byte[]... add) throws IOException {
        byte[] file = Files.readAllBytes(from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < file.length; ) {
            int length = lengthAt(file, at);
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("jp2c")) {
                for (byte[] box : add) {
                    out.writeBytes(box);
                }
            }
            if (type.equals("jp2h")) {
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                for (int in = at + 8; in < at + length; in += lengthAt(file, in)) {
                    if (!drop.contains("jp2h/" + new String(file, in + 4, 4, StandardCharsets.ISO_8859_1))) {
                        header.write(file, in, lengthAt(file, in));
                    }
                }
                out.writeBytes(box("jp2h", header.toByteArray()));
            } else if (!drop.contains(type)) {
                out.write(file, at, length);
            }
            at += length;
        }
        return Files.write(to, out.toByteArray());
    }

    /** The codestream of a JP2 file alone, as a .j2k file holds it. */
    public static Path codestream(Path from, Path to) throws IOException {
        byte[] file = Files.readAllBytes(from);
        for (int at = 0; at < file.length; at += lengthAt(file, at)) {
            if (new String(file, at + 4, 4, StandardCharsets.ISO_8859_1).equals("jp2c")) {
                return Files.write(to, Arrays.copyOfRange(file, at + 8, at + lengthAt(file, at)));
            }
        }
        throw new IOException(from + " holds no codestream box");
    }

    /** A box's length: its first four bytes, 0 for one that runs to the end. */
    private static int lengthAt(byte[] file, int at) {
        int length = ByteBuffer.wrap(file, at, 4).getInt();
        return length == 0 ? file.length - at : length;
    }

    private static byte[] label(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

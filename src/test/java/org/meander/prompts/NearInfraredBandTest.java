package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.raster.FrameWarp;
import org.meander.project.raster.NearInfrared;

class NearInfraredBandTest {

    @TempDir
    Path dir;

    @Test
    void eightBitSamplesAreScaledBy255() throws IOException {
        Path file = grey(BufferedImage.TYPE_BYTE_GRAY, 0, 51, 255);

        NearInfraredBand band = NearInfraredBand.read(file);

        assertEquals(3, band.width());
        assertEquals(1, band.height());
        assertArrayEquals(new float[] {0, 0.2f, 1}, band.values(), 1e-6f);
    }

    @Test
    void sixteenBitSamplesAreScaledBy65535() throws IOException {
        Path file = grey(BufferedImage.TYPE_USHORT_GRAY, 0, 13107, 65535);

        assertArrayEquals(new float[] {0, 0.2f, 1}, NearInfraredBand.read(file).values(), 1e-6f);
    }

    /**
     * A frame from another camera, warped onto its tile, reaches only part of it: the pixels it does not reach have no
     * value, at either depth, after a round trip through the PNG the project keeps.
     */
    @Test
    void pixelsAWarpedFrameDoesNotReachHaveNoValue() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage frame = new BufferedImage(2, 1, type);
            int top = type == BufferedImage.TYPE_BYTE_GRAY ? 255 : 65535;
            frame.getRaster().setPixels(0, 0, 2, 1, new int[] {top / 5, top});
            // tile pixel x lies at frame pixel x - 1: the first tile pixel is left of the frame
            BufferedImage warped = NearInfrared.warped(frame, FrameWarp.translation(-1, 0), 3, 1);
            Path file = dir.resolve("warped.png");
            ImageIO.write(warped, "png", file.toFile());

            float[] values = NearInfraredBand.read(file).values();

            assertTrue(Float.isNaN(values[0]), "the frame does not reach pixel 0: " + values[0]);
            assertArrayEquals(new float[] {0.2f, 1}, new float[] {values[1], values[2]}, 1e-6f);
        }
    }

    @Test
    void aColourImageIsRefusedByName() throws IOException {
        Path file = dir.resolve("hot.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", file.toFile());

        IOException e = assertThrows(IOException.class, () -> NearInfraredBand.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("grey"), e.getMessage());
    }

    @Test
    void aMissingBandPointsToTheColourSource() {
        Path file = dir.resolve("nir/a.png");

        IOException e = assertThrows(IOException.class, () -> NearInfraredBand.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("hsv"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("nir.png"), "not a picture");

        IOException e = assertThrows(IOException.class, () -> NearInfraredBand.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private Path grey(int type, int... samples) throws IOException {
        BufferedImage image = new BufferedImage(samples.length, 1, type);
        image.getRaster().setPixels(0, 0, samples.length, 1, samples);
        Path file = dir.resolve("band.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}

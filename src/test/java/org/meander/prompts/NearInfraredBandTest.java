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

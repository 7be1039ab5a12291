package org.meander.embed;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.meander.testing.Messages.assertContains;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tile that cannot be read is named: the encoding queue, embed and train report only the message. */
class SamTileEncoderTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedTileIsNamed() throws IOException {
        BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path tile = dir.resolve("river.png");
        ImageIO.write(noise, "png", tile.toFile());
        byte[] whole = Files.readAllBytes(tile);
        Files.write(tile, Arrays.copyOf(whole, whole.length / 2));

        // the image is read before the model is used
        IOException e = assertThrows(IOException.class, () -> new SamTileEncoder(null).encode(tile));

        assertContains(e.getMessage(), tile.toString(), "damaged");
    }
}

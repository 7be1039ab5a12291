package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of an images folder are near-infrared frames of the images beside them, by their names alone. */
class FramesBesideImagesTest {

    @TempDir
    Path folder;

    @Test
    void aFileIsAFrameOnlyWhenTheImageItIsNamedForIsThere() throws IOException {
        for (String name : new String[] {"airborne_3.png", "airborne_ir_3.png", "river_nir.jpg", "river.jpg",
                "lake_ir.png", "delta.png", "delta.tif", "ir.png", ".hidden_ir.png", "notes_ir.txt"}) {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", folder.resolve(name).toFile());
        }

        FramesBesideImages frames = FramesBesideImages.in(folder);

        // lake_ir has no lake beside it; delta.tif is named like delta.png, not for it; ir is a name of its own
        assertEquals(java.util.List.of(folder.resolve("airborne_ir_3.png"), folder.resolve("river_nir.jpg")),
                frames.frames());
        assertEquals("2 near-infrared frames named for images beside them (airborne_ir_3.png for airborne_3, …):"
                + " kept as those images' near-infrared bands, not imported as tiles", frames.text());
    }

    @Test
    void aFolderOfImagesAloneHasNone() throws IOException {
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("a.png").toFile());
        Files.createDirectories(folder.resolve("a_ir.png")); // a folder, whatever its name

        assertTrue(FramesBesideImages.in(folder).isEmpty());
    }
}

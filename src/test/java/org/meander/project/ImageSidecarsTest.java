package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of images from a GIS holds their masks, overviews, metadata and world files: none is an image. */
class ImageSidecarsTest {

    @TempDir
    Path folder;

    @Test
    void filesOfAnImageBesideItAreItsSidecars() throws IOException {
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "tiff",
                folder.resolve("ortho.tif").toFile());
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                folder.resolve("frame.PNG").toFile());
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "tiff",
                folder.resolve("ortho.tif.msk").toFile());
        for (String name : List.of("ortho.tif.aux.xml", "ortho.tif.ovr", "ortho.tfw", "ortho.prj",
                "frame.PNG.aux.xml", "frame.pgw", "notes.txt", "lonely.msk", "lonely.tfw", "ortho.txt")) {
            Files.writeString(folder.resolve(name), "x");
        }

        for (String sidecar : List.of("ortho.tif.msk", "ortho.tif.aux.xml", "ortho.tif.ovr", "ortho.tfw", "ortho.prj",
                "frame.PNG.aux.xml", "frame.pgw")) {
            assertTrue(ImageSidecars.isSidecar(folder.resolve(sidecar)), sidecar);
        }
        for (String other : List.of("notes.txt", "lonely.msk", "lonely.tfw", "ortho.txt", "ortho.tif")) {
            assertFalse(ImageSidecars.isSidecar(folder.resolve(other)), other);
        }

        ImportReport report = ProjectImport.create(folder.resolveSibling(folder.getFileName() + "-project"), folder,
                null, null, ImageryOptions.DEFAULT);
        // the mask is all 0: the image holds no data, which is no problem of the import's
        assertEquals(List.of("frame"), report.importedTiles());
        assertEquals(List.of("ortho.tif"), report.emptyImages());
        assertEquals(List.of("lonely.msk", "lonely.tfw", "notes.txt", "ortho.txt"), report.problems().stream()
                .map(problem -> Path.of(problem.substring(0, problem.indexOf(':'))).getFileName().toString())
                .sorted().toList());
    }
}

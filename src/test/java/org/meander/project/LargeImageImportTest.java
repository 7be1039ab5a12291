package org.meander.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.project.export.LabelExport;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.Window;
import org.meander.testing.Messages;

/**
 * An image too large for SAM to see whole, in a folder of ordinary frames: cut into overlapping tiles on import, its
 * mask along with it, so that its labels stitch back into one mask of its size.
 */
class LargeImageImportTest {

    /** Twenty Elwha frames side by side: 2400 x 2560 pixels of real river. */
    private static final int COLUMNS = 5;
    private static final int ROWS = 4;

    @TempDir
    Path temp;

    @Test
    void aLargeImageIsCutIntoTilesWithItsMaskAndStitchesBack() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Path masks = Files.createDirectories(temp.resolve("masks"));
        BufferedImage mosaic = mosaic();
        ImageIO.write(mosaic, "png", images.resolve("reach.png").toFile());
        BufferedImage mask = brightBlue(mosaic);
        ImageIO.write(mask, "png", masks.resolve("reach.png").toFile());
        ProjectImportTest.frame(7, images.resolve("airborne_7.png"));
        ImageIO.write(brightBlue(ImageIO.read(images.resolve("airborne_7.png").toFile())), "png",
                masks.resolve("airborne_7.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, masks, null);

        assertEquals(List.of(), report.problems());
        assertEquals(List.of(new ImportReport.CutImage("reach.png", 2400, 2560, 9)), report.cutImages());
        assertEquals(10, report.importedTiles().size(), "nine tiles of the reach and the ordinary frame");
        assertEquals(10, report.labelledTiles().size());
        Project project = Project.open(temp.resolve("project"));
        Tile corner = tile(project, "reach_r0_c0");
        BufferedImage cornerImage = ImageIO.read(corner.image().toFile());
        assertEquals(1024, cornerImage.getWidth());
        assertEquals(1024, cornerImage.getHeight());
        assertArrayEquals(mosaic.getRGB(0, 0, 1024, 1024, null, 0, 1024),
                cornerImage.getRGB(0, 0, 1024, 1024, null, 0, 1024), "the tile is the image's top left corner");
        assertTrue(project.rasterWindow(corner).isPresent(), "recorded as a window of the reach");
        assertEquals(480, ImageIO.read(tile(project, "airborne_7").image().toFile()).getWidth(),
                "the ordinary frame is imported whole");

        Path out = temp.resolve("export");
        LabelExport.write(project, LabelExport.Format.PNG, out, LabelExport.Options.EVERY_LABEL, false);
        BufferedImage stitched = ImageIO.read(out.resolve("stitched/reach.png").toFile());
        assertArrayEquals(mask.getRaster().getPixels(0, 0, 2400, 2560, (int[]) null),
                stitched.getRaster().getPixels(0, 0, 2400, 2560, (int[]) null), "the labels stitch back to the mask");
    }

    @Test
    void withCuttingOffALargeImageIsImportedWhole() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        ImageIO.write(mosaic(), "png", images.resolve("reach.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                new ImageryOptions(BandChoice.DEFAULT, null, false, 0));

        assertEquals(List.of("reach"), report.importedTiles());
        assertEquals(List.of(), report.cutImages());
    }

    @Test
    void aMaskOfAnotherSizeLeavesTheCutTilesUnlabelled() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Path masks = Files.createDirectories(temp.resolve("masks"));
        ImageIO.write(mosaic(), "png", images.resolve("reach.png").toFile());
        ImageIO.write(new BufferedImage(2400, 2000, BufferedImage.TYPE_BYTE_GRAY), "png",
                masks.resolve("reach.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, masks, null);

        assertEquals(9, report.importedTiles().size());
        assertEquals(List.of(), report.labelledTiles());
        assertEquals(1, report.problems().size(), report.problems().toString());
        Messages.assertContains(report.problems().get(0), "the mask is 2400 x 2000 but its image reach.png is"
                + " 2400 x 2560", "cut into tiles without labels");
    }

    /**
     * A frame of the image's size, as a multispectral map's band comes, is cut along with it: the image is never
     * decoded whole, so a frame cannot be found on it by its edges, but one with its pixels needs no finding.
     */
    @Test
    void aNearInfraredFrameOfACutImagesSizeIsCutAlong() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Path nir = Files.createDirectories(temp.resolve("nir"));
        BufferedImage mosaic = mosaic();
        ImageIO.write(mosaic, "png", images.resolve("reach.png").toFile());
        BufferedImage band = new BufferedImage(mosaic.getWidth(), mosaic.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        band.getRaster().setSamples(0, 0, mosaic.getWidth(), mosaic.getHeight(), 0,
                mosaic.getRaster().getSamples(0, 0, mosaic.getWidth(), mosaic.getHeight(), 1, (int[]) null));
        ImageIO.write(band, "png", nir.resolve("reach_ir.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                new ImageryOptions(BandChoice.DEFAULT, nir));

        assertEquals(List.of(), report.problems());
        Project project = Project.open(temp.resolve("project"));
        assertEquals(9, project.tiles().size());
        for (Tile tile : project.tiles()) {
            Window w = project.rasterWindow(tile).orElseThrow().window();
            BufferedImage cut = ImageIO.read(project.nearInfraredFile(tile).toFile());
            assertArrayEquals(band.getRaster().getSamples(w.x(), w.y(), w.width(), w.height(), 0, (int[]) null),
                    cut.getRaster().getSamples(0, 0, w.width(), w.height(), 0, (int[]) null), tile.name());
        }
    }

    /** A frame of another size could only be placed by its edges: it is named, the image cut without it. */
    @Test
    void aNearInfraredFrameOfAnotherSizeIsNamedAsNotUsed() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        Path nir = Files.createDirectories(temp.resolve("nir"));
        ImageIO.write(mosaic(), "png", images.resolve("reach.png").toFile());
        ImageIO.write(new BufferedImage(1200, 1280, BufferedImage.TYPE_BYTE_GRAY), "png",
                nir.resolve("reach_ir.png").toFile());

        ImportReport report = ProjectImport.create(temp.resolve("project"), images, null, null,
                new ImageryOptions(BandChoice.DEFAULT, nir));

        assertEquals(9, report.importedTiles().size());
        assertEquals(1, report.problems().size(), report.problems().toString());
        Messages.assertContains(report.problems().get(0), "reach_ir.png is 1200 x 1280 but", "2400 x 2560",
                "gdalwarp", "the tiles cut from reach.png have no near-infrared band");
        assertTrue(Files.notExists(temp.resolve("project/nir")));
    }

    @Test
    void aThresholdBelowATileIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ImageryOptions(BandChoice.DEFAULT, null, false, 500));
        assertEquals("images are cut when larger than 500 pixels; give 1024 or more (a tile's size), or 0 never to"
                + " cut them", error.getMessage());
    }

    private static BufferedImage mosaic() throws IOException {
        BufferedImage mosaic = new BufferedImage(COLUMNS * ProjectImportTest.WIDTH, ROWS * ProjectImportTest.HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = mosaic.createGraphics();
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                BufferedImage frame = ImageIO.read(ProjectImportTest.DATA
                        .resolve("airborne_" + (1 + row * COLUMNS + column) + ".png").toFile());
                graphics.drawImage(frame, column * ProjectImportTest.WIDTH, row * ProjectImportTest.HEIGHT, null);
            }
        }
        graphics.dispose();
        return mosaic;
    }

    /** A 0/255 mask of the bright bluish pixels, the river's rough outline, as another tool might have made it. */
    private static BufferedImage brightBlue(BufferedImage image) {
        BufferedImage mask = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                boolean water = (rgb & 0xff) > 150 && (rgb & 0xff) >= (rgb >> 16 & 0xff);
                mask.getRaster().setSample(x, y, 0, water ? 255 : 0);
            }
        }
        return mask;
    }

    private static Tile tile(Project project, String name) {
        List<String> names = new ArrayList<>();
        for (Tile tile : project.tiles()) {
            if (tile.name().equals(name)) {
                return tile;
            }
            names.add(tile.name());
        }
        throw new AssertionError(name + " is not among " + names);
    }
}

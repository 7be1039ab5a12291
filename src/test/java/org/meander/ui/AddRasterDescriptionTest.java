package org.meander.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meander.project.RasterTiling;

/** What the Add a raster window says of a cut. */
class AddRasterDescriptionTest {

    @Test
    void aRasterSmallerThanATileIsCutIntoOneTileInOneRow() {
        RasterTiling.Report report = new RasterTiling.Report("scene", 480, 640, 1, 1, List.of("scene_r0_c0"), 0,
                null, 0, 0);

        assertEquals("Cut scene.tif (480 x 640) into 1 tile, 1 row of 1, named scene_r…_c….",
                AddRasterViewModel.describe("scene.tif", report));
    }

    @Test
    void windowsWithoutDataAreCounted() {
        RasterTiling.Report report = new RasterTiling.Report("ortho", 3000, 2000, 2, 3, List.of("ortho_r0_c0",
                "ortho_r1_c1"), 0, null, 0, 4);

        assertEquals("Cut ortho.tif (3000 x 2000) into 2 tiles, 2 rows of 3, named ortho_r…_c…. 4 more windows"
                + " of the grid held no data (outside the imagery) and made no tile.",
                AddRasterViewModel.describe("ortho.tif", report));
    }
}

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
                null, 0);

        assertEquals("Cut scene.tif (480 x 640) into 1 tile, 1 row of 1, named scene_r…_c….",
                AddRasterViewModel.describe("scene.tif", report));
    }
}

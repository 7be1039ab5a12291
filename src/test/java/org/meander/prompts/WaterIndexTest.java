package org.meander.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.project.raster.BandStretch;
import org.meander.project.raster.ColourRadiometry;
import org.meander.project.raster.NearInfraredScale;
import org.meander.sam.ImageSize;
import org.meander.sam.RgbImage;

class WaterIndexTest {

    @Test
    void theIndexIsGreenMinusNearInfraredOverTheirSum() {
        assertEquals(0.4 / 0.6, WaterIndex.of(0.5, 0.1), 1e-12);
        assertEquals(-0.5, WaterIndex.of(0.2, 0.6), 1e-12);
        assertEquals(1.0, WaterIndex.of(0.3, 0), 1e-12);
        assertEquals(0.0, WaterIndex.of(0.7, 0.7), 1e-12);
        assertTrue(Double.isNaN(WaterIndex.of(0, 0)), "no light in either band says nothing");
    }

    @Test
    void waterIsWhereTheIndexLiesAboveTheThreshold() {
        // water (0.67), vegetation (-0.5), an index of exactly 0, and black in both bands
        float[] green = {0.5f, 0.2f, 0.7f, 0f};
        float[] nir = {0.1f, 0.6f, 0.7f, 0f};

        assertEquals(new LabelMask(2, 2, new byte[] {1, 0, 0, 0}), WaterIndex.MCFEETERS.select(green, nir, 2, 2));
        assertEquals(new LabelMask(2, 2, new byte[] {1, 1, 1, 0}),
                new WaterIndex(-0.6).select(green, nir, 2, 2));
        assertEquals(new LabelMask(2, 2, new byte[] {0, 0, 0, 0}),
                new WaterIndex(0.7).select(green, nir, 2, 2));
    }

    @Test
    void aPixelWithoutANearInfraredValueIsNeverWater() {
        float[] green = {0.5f, 0.5f};
        float[] nir = {Float.NaN, 0.1f};

        assertEquals(new LabelMask(2, 1, new byte[] {0, 1}), new WaterIndex(-1).select(green, nir, 2, 1));
    }

    @Test
    void aTileIsComparedThroughTheChannelThatHoldsGreenOnly() {
        // Red and blue would make the second pixel water and the first not, were they looked at.
        byte[] rgb = {10, (byte) 204, 10, (byte) 250, 51, (byte) 250};
        RgbImage tile = new RgbImage(new ImageSize(1, 2), rgb);
        NearInfraredBand band = new NearInfraredBand(2, 1, 8, new float[] {0.2f, 0.6f});

        assertEquals(new LabelMask(2, 1, new byte[] {1, 0}),
                WaterIndex.MCFEETERS.select(tile, band, Optional.empty(), 1));
        assertEquals(new LabelMask(2, 1, new byte[] {0, 1}),
                WaterIndex.MCFEETERS.select(tile, band, Optional.empty(), 2), "a false-colour tile's green is blue");
    }

    /**
     * Green levels 0 and 255 stretched from 16-bit values 1000 and 5000: beside a 16-bit band they read as 1000 and
     * 5000 over 65535; an 8-bit band comes from another sensor, with no units in common, and the levels read as they
     * are shown.
     */
    @Test
    void aStretchedGreenIsReadBackBesideASixteenBitBandOnly() {
        RgbImage tile = new RgbImage(new ImageSize(1, 2), new byte[] {0, 0, 0, 0, (byte) 255, 0});
        Optional<ColourRadiometry> radiometry = Optional.of(new ColourRadiometry(new BandStretch(
                new double[] {0, 1000, 0}, new double[] {1, 5000, 1}), NearInfraredScale.UNCHANGED));
        float[] nir = {500 / 65535f, 6000 / 65535f};

        assertEquals(new LabelMask(2, 1, new byte[] {1, 0}),
                WaterIndex.MCFEETERS.select(tile, new NearInfraredBand(2, 1, 16, nir), radiometry, 1));
        assertEquals(new LabelMask(2, 1, new byte[] {0, 1}),
                WaterIndex.MCFEETERS.select(tile, new NearInfraredBand(2, 1, 8, nir), radiometry, 1));
    }

    @Test
    void aBandOfAnotherSizeIsRefused() {
        RgbImage tile = new RgbImage(new ImageSize(1, 2), new byte[6]);
        NearInfraredBand band = new NearInfraredBand(1, 2, 8, new float[2]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WaterIndex.MCFEETERS.select(tile, band, Optional.empty(), 1));
        assertTrue(e.getMessage().contains("1 x 2") && e.getMessage().contains("2 x 1"), e.getMessage());
    }

    @Test
    void aThresholdOutsideTheIndexRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WaterIndex(1));
        assertThrows(IllegalArgumentException.class, () -> new WaterIndex(-1.5));
        assertThrows(IllegalArgumentException.class, () -> new WaterIndex(Double.NaN));
    }
}

package org.meander.prompts;

/** Everything that decides a tile's rough mask: its source, the source's threshold, and the clean-up. */
public record RoughMaskSettings(RoughMaskSource source, WaterIndex waterIndex, HsvRange colours,
                                RoughMaskCleanup cleanup) {

    /** Colour: it needs nothing beyond the tile, so it works on any project. */
    public static final RoughMaskSettings DEFAULT = new RoughMaskSettings(RoughMaskSource.HSV, WaterIndex.MCFEETERS,
            HsvRange.RIVER_WATER, RoughMaskCleanup.DEFAULT);

    public RoughMaskSettings withSource(RoughMaskSource other) {
        return new RoughMaskSettings(other, waterIndex, colours, cleanup);
    }

    public RoughMaskSettings withWaterIndex(WaterIndex other) {
        return new RoughMaskSettings(source, other, colours, cleanup);
    }
}

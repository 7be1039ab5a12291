package org.meander.project.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warp frames from one camera mount share, for the frames whose own edges say too little. */
class SharedWarpsTest {

    /** About the Elwha warp: 12% larger, about 70 and 58 frame pixels off. */
    private static FrameWarp mount(double dx, double dy) {
        return new FrameWarp(1.118, 0.004, -70 + dx, -0.004, 1.118, -58 + dy);
    }

    @Test
    void framesThatAgreeShareTheirMedian() {
        SharedWarps warps = new SharedWarps();
        warps.add(mount(0, 0), 480, 640, 480, 640);
        warps.add(mount(2, -1), 480, 640, 480, 640);
        warps.add(mount(-3, 2), 480, 640, 480, 640);
        warps.add(mount(1, 1), 480, 640, 480, 640);

        SharedWarps.Shared shared = warps.of(480, 640, 480, 640).orElseThrow();

        assertEquals(4, shared.frames());
        assertEquals(mount(0.5, 0.5), shared.warp(), "the median of each number, halfway for an even count");
    }

    @Test
    void fewerThanThreeFramesShowNoSharedWarp() {
        SharedWarps warps = new SharedWarps();
        warps.add(mount(0, 0), 480, 640, 480, 640);
        warps.add(mount(0, 0), 480, 640, 480, 640);

        assertEquals(Optional.empty(), warps.of(480, 640, 480, 640));
    }

    /** Frames of other sizes come from another camera, or another setting: their warps say nothing of these. */
    @Test
    void onlyFramesOfTheSameSizesCount() {
        SharedWarps warps = new SharedWarps();
        for (int i = 0; i < 3; i++) {
            warps.add(mount(0, 0), 480, 640, 240, 320);
        }

        assertEquals(Optional.empty(), warps.of(480, 640, 480, 640));
        assertTrue(warps.of(480, 640, 240, 320).isPresent());
    }

    /** Two frames in four far from the rest: no warp is shared by three quarters of them. */
    @Test
    void framesThatDisagreeShareNothing() {
        SharedWarps warps = new SharedWarps();
        warps.add(mount(0, 0), 480, 640, 480, 640);
        warps.add(mount(1, 0), 480, 640, 480, 640);
        warps.add(mount(30, 0), 480, 640, 480, 640);
        warps.add(FrameWarp.IDENTITY, 480, 640, 480, 640);

        assertEquals(Optional.empty(), warps.of(480, 640, 480, 640));
    }
}

package org.meander.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The empty chart's epoch ticks: a few, at round numbers, however long the run. */
class EmptyChartRangeTest {

    @Test
    void tenTicksAtMostAtRoundNumbers() {
        assertEquals(1, EmptyChartRange.tickUnit(3));
        assertEquals(1, EmptyChartRange.tickUnit(10));
        assertEquals(2, EmptyChartRange.tickUnit(11));
        assertEquals(5, EmptyChartRange.tickUnit(50));
        assertEquals(20, EmptyChartRange.tickUnit(200));
        assertEquals(100, EmptyChartRange.tickUnit(1000));
    }
}

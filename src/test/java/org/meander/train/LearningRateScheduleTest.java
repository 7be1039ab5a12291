package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpLinearlyThenHoldsTheRate() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 4, Schedule.CONSTANT, 100);
        assertEquals(0.25e-3, schedule.rate(0), 1e-12);
        assertEquals(1e-3, schedule.rate(3), 1e-12);
        assertEquals(1e-3, schedule.rate(99), 1e-12);
    }

    @Test
    void cosineFallsFromThePeakToZero() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 10, Schedule.COSINE, 110);
        assertEquals(1e-3, schedule.rate(10), 1e-12);
        assertEquals(0.5e-3, schedule.rate(60), 1e-12);
        assertEquals(0, schedule.rate(110), 1e-12);
    }
}

package org.meander.train;

/** Linear warm-up from 0 to the peak rate over the first steps, then constant or a half cosine down to 0. */
public record LearningRateSchedule(double peak, int warmupSteps, Schedule schedule, long totalSteps) {

    /** The rate of step {@code step}, counted from 0. */
    public double rate(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (schedule == Schedule.CONSTANT || totalSteps <= warmupSteps) {
            return peak;
        }
        double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
        return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
    }
}

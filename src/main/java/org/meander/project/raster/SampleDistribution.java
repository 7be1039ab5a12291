package org.meander.project.raster;

/** The values one band of a raster holds, for its percentiles. */
interface SampleDistribution {

    /** The smallest value with at least {@code fraction} of the samples at or below it; 0 with no samples. */
    double percentile(double fraction);
}

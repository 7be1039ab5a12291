package org.meander.sam;

/**
 * Float64 summary of SAM's {@code pixel_values}, as the reference fixtures record it.
 *
 * @param mean         mean over the whole padded 3 x size x size tensor
 * @param std          standard deviation over the same, with Bessel's correction as torch's {@code Tensor.std()}
 * @param sumOfAbs     sum of absolute values
 * @param meanUnpadded mean over the resized image only, without the zero padding
 */
public record PixelStatistics(double mean, double std, double sumOfAbs, double meanUnpadded) {
}

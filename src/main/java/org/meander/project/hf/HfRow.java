package org.meander.project.hf;

/**
 * One row of an image-segmentation dataset file: its position in the file (from 0) and its {@code image} and
 * {@code label} values. A null value (the whole struct missing) is null here.
 */
public record HfRow(long index, HfImage image, HfImage label) {
}

package org.meander.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --points P,N}: how many positive and negative points, such as 3,1. */
final class PointCountsOption implements ITypeConverter<PointCountsOption.PointCounts> {

    record PointCounts(int positives, int negatives) {
    }

    @Override
    public PointCounts convert(String value) {
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new TypeConversionException("'" + value + "': expected P,N (positive and negative points), such as"
                    + " 3,1");
        }
        try {
            int positives = Integer.parseInt(parts[0].trim());
            int negatives = Integer.parseInt(parts[1].trim());
            if (positives < 0 || negatives < 0) {
                throw new TypeConversionException("'" + value + "': point counts must not be negative");
            }
            return new PointCounts(positives, negatives);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "': P,N must be whole numbers, such as 3,1");
        }
    }
}

package org.meander.cli;

import org.meander.sam.Point;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --point x,y,label} (pixels of the image, decimals allowed; label 1 positive, 0 negative). */
final class PointOption implements ITypeConverter<Point> {

    @Override
    public Point convert(String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new TypeConversionException("'" + value + "': expected x,y,label such as 512,300,1");
        }
        try {
            int label = Integer.parseInt(parts[2].trim());
            if (label != 0 && label != 1) {
                throw new TypeConversionException("'" + value + "': label must be 1 (positive) or 0 (negative)");
            }
            return new Point(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), label);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "': x,y,label must be numbers, such as 512,300,1");
        }
    }
}

package org.meander.cli;

import org.meander.sam.Box;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --box x0,y0,x1,y1} in pixels of the image. */
final class BoxOption implements ITypeConverter<Box> {

    @Override
    public Box convert(String value) {
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new TypeConversionException("'" + value + "': expected x0,y0,x1,y1 such as 40,150,1000,520");
        }
        try {
            return new Box(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "': x0,y0,x1,y1 must be numbers");
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

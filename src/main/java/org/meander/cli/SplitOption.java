package org.meander.cli;

import org.meander.project.Split;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --split train|validation|test}. */
final class SplitOption implements ITypeConverter<Split> {

    @Override
    public Split convert(String value) {
        return Split.parse(value)
                .orElseThrow(() -> new TypeConversionException("'" + value + "': use train, validation or test"));
    }
}

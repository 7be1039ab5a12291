package org.meander.cli;

import org.meander.project.raster.BandChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --bands R,G,B} and {@code --nir-band K}, shared by the commands that read multi-band imagery. */
final class BandOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bands", paramLabel = "R,G,B",
            description = "bands (numbered from 1) that make the RGB shown and encoded (default 1,2,3); 16-bit"
                    + " and floating-point bands are stretched to 8 bits between their 2nd and 98th percentiles")
    String rgb;

    @Option(names = "--nir-band", paramLabel = "K",
            description = "band kept as near-infrared, in nir/<tile>.png at its own bit depth (floating-point"
                    + " reflectances as 16-bit levels, 1 at 65535), for water indices")
    Integer nearInfrared;

    BandChoice choice() {
        try {
            return BandChoice.parse(rgb, nearInfrared);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    boolean nearInfraredBandChosen() {
        return nearInfrared != null;
    }
}

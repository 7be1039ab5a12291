package org.meander.cli;

import java.util.ArrayList;
import java.util.List;
import org.meander.project.raster.BandChoice;
import org.meander.project.raster.BandNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --bands R,G,B} and {@code --nir-band K}, shared by the commands that read multi-band imagery. */
final class BandOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bands", paramLabel = "R,G,B",
            description = "bands (numbered from 1) that make the RGB shown and encoded (default: those the imagery"
                    + " names red, green and blue, else 1,2,3); 16-bit"
                    + " and floating-point bands are stretched to 8 bits between their 2nd and 98th percentiles")
    String rgb;

    @Option(names = "--nir-band", paramLabel = "K",
            description = "band kept as near-infrared, in nir/<tile>.png at its own bit depth (floating-point"
                    + " reflectances as 16-bit levels, 1 at 65535), for water indices (default: the band the imagery"
                    + " names near-infrared, if one)")
    Integer nearInfrared;

    BandChoice choice() {
        try {
            return BandChoice.parse(rgb, nearInfrared);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The choice, with what was not typed taken from the names {@code file} gives its bands: red, green and blue, and
     * the near-infrared band unless {@code nearInfraredByName} is false. What the names chose is said on stderr.
     */
    BandChoice choice(BandNames names, String file, boolean nearInfraredByName) {
        return choice(names, file, nearInfraredByName, "");
    }

    /** As {@link #choice(BandNames, String, boolean)}, {@code also} said after what the names chose. */
    BandChoice choice(BandNames names, String file, boolean nearInfraredByName, String also) {
        BandChoice typed = choice();
        BandChoice named = BandChoice.of(names);
        BandChoice chosen = new BandChoice(rgb != null ? typed.red() : named.red(),
                rgb != null ? typed.green() : named.green(), rgb != null ? typed.blue() : named.blue(),
                nearInfrared != null || !nearInfraredByName ? typed.nearInfrared() : named.nearInfrared());
        List<String> taken = new ArrayList<>();
        if (rgb == null && !chosen.isDefaultRgb()) {
            taken.add("bands " + chosen.rgbText() + " as red, green and blue");
        }
        if (nearInfrared == null && chosen.nearInfrared().isPresent()) {
            taken.add("band " + chosen.nearInfrared().getAsInt() + " as near-infrared");
        }
        if (!taken.isEmpty()) {
            System.err.println(String.join(" and ", taken) + ", as " + file + " names them (" + names.text()
                    + ")" + also + "; --bands, --nir-band or --no-nir choose otherwise");
        }
        return chosen;
    }

    boolean rgbChosen() {
        return rgb != null;
    }

    boolean nearInfraredBandChosen() {
        return nearInfrared != null;
    }
}

package org.meander.project.raster;

import java.util.OptionalInt;

/**
 * Which bands of an image make the RGB that is shown and encoded, and which band, if any, is kept as near-infrared.
 * Bands are numbered from 1, as GIS tools number them.
 */
public record BandChoice(int red, int green, int blue, OptionalInt nearInfrared) {

    /** Bands 1, 2, 3 as red, green, blue, and no near-infrared band: what an ordinary picture holds. */
    public static final BandChoice DEFAULT = new BandChoice(1, 2, 3, OptionalInt.empty());

    public BandChoice {
        if (red < 1 || green < 1 || blue < 1 || nearInfrared.orElse(1) < 1) {
            throw new IllegalArgumentException("bands are numbered from 1; got red " + red + ", green " + green
                    + ", blue " + blue + nearInfrared.stream().mapToObj(n -> ", near-infrared " + n).findFirst()
                    .orElse(""));
        }
    }

    /**
     * The bands as typed on the command line: {@code rgb} is "R,G,B" or null for 1,2,3; {@code nearInfrared} is a band
     * number or null for none.
     */
    public static BandChoice parse(String rgb, Integer nearInfrared) {
        OptionalInt nir = nearInfrared == null ? OptionalInt.empty() : OptionalInt.of(nearInfrared);
        if (rgb == null) {
            return new BandChoice(1, 2, 3, nir);
        }
        String[] parts = rgb.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--bands " + rgb + ": give three band numbers, red,green,blue, such as"
                    + " 3,2,1 or 4,3,2 (bands are numbered from 1)");
        }
        int[] bands = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                bands[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--bands " + rgb + ": \"" + parts[i] + "\" is not a band number;"
                        + " give three, such as 3,2,1");
            }
        }
        return new BandChoice(bands[0], bands[1], bands[2], nir);
    }

    /**
     * The choice the names a file gives its bands make: the bands it names red, green and blue when it names all three
     * (else 1, 2, 3), and the band it names near-infrared, if one.
     */
    public static BandChoice of(BandNames names) {
        OptionalInt red = names.band(BandColour.RED);
        OptionalInt green = names.band(BandColour.GREEN);
        OptionalInt blue = names.band(BandColour.BLUE);
        OptionalInt nearInfrared = names.band(BandColour.NEAR_INFRARED);
        return red.isPresent() && green.isPresent() && blue.isPresent()
                ? new BandChoice(red.getAsInt(), green.getAsInt(), blue.getAsInt(), nearInfrared)
                : new BandChoice(1, 2, 3, nearInfrared);
    }

    /**
     * Which channel of the picture these bands make (0 red, 1 green, 2 blue) holds the band a file names green: 2 for
     * a false-colour near-infrared, red, green picture. 1, where green belongs, when the file names no green band or
     * it is not among these.
     */
    public int greenChannel(BandNames names) {
        OptionalInt green = names.band(BandColour.GREEN);
        return green.isEmpty() || green.getAsInt() == this.green ? 1 : green.getAsInt() == red ? 0
                : green.getAsInt() == blue ? 2 : 1;
    }

    /** The red, green and blue bands as typed: "3,2,1". */
    public String rgbText() {
        return red + "," + green + "," + blue;
    }

    public boolean isDefaultRgb() {
        return red == 1 && green == 2 && blue == 3;
    }

    /**
     * The 0-based bands of an image with {@code bandCount} bands that become red, green and blue. The default on a
     * grey image (one band, or grey and alpha) shows band 1 as grey, as any viewer would.
     *
     * @throws IllegalArgumentException when a chosen band is not in the image, saying which bands it has
     */
    public int[] rgbIndices(int bandCount) {
        if (isDefaultRgb() && bandCount <= 2) {
            return new int[] {0, 0, 0};
        }
        return new int[] {index(red, "red", bandCount), index(green, "green", bandCount),
                index(blue, "blue", bandCount)};
    }

    /** The 0-based near-infrared band, if one was chosen; checked like {@link #rgbIndices}. */
    public OptionalInt nearInfraredIndex(int bandCount) {
        return nearInfrared.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(index(nearInfrared.getAsInt(), "near-infrared", bandCount));
    }

    private static int index(int band, String role, int bandCount) {
        if (band > bandCount) {
            throw new IllegalArgumentException("band " + band + " (" + role + ") is out of range: the image has "
                    + bandCount + (bandCount == 1 ? " band" : " bands, 1 to " + bandCount) + "; choose --bands and"
                    + " --nir-band among them");
        }
        return band - 1;
    }
}

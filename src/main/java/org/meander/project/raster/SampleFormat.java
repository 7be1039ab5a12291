package org.meander.project.raster;

/** What a raster's samples are: their width in bits, integers or floating-point numbers. */
public record SampleFormat(int bits, boolean floatingPoint) {

    /** "16-bit", "32-bit floating-point": as a header is described to a person choosing bands. */
    @Override
    public String toString() {
        return bits + "-bit" + (floatingPoint ? " floating-point" : "");
    }
}

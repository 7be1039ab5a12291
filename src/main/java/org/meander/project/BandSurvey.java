package org.meander.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.meander.project.raster.BandNames;
import org.meander.project.raster.RasterFile;
import org.meander.project.raster.SampleFormat;

/**
 * What a folder's images hold, read from their headers alone, so that an import can offer a choice of bands before it
 * copies anything: the most bands an image has, their samples, that image's file name and the names it gives its
 * bands. An image whose header cannot be read is left to the import, which names it.
 */
public record BandSurvey(int bands, SampleFormat samples, String file, BandNames names) {

    /** No image read (yet). */
    public static final BandSurvey NONE = new BandSurvey(0, new SampleFormat(0, false), "", BandNames.NONE);
    /** Headers read at most: a folder of a thousand frames is told apart from a stack of rasters by its first ones. */
    static final int MOST_FILES = 200;

    /** The images of {@code folder} (those an import takes), the first {@link #MOST_FILES} of them. */
    public static BandSurvey of(Path folder) throws IOException {
        BandSurvey most = NONE;
        List<Path> images = ProjectImport.imagesIn(folder);
        for (Path image : images.subList(0, Math.min(images.size(), MOST_FILES))) {
            try (RasterFile raster = RasterFile.open(image)) {
                int bands = raster.dataBandCount();
                if (bands > most.bands() || bands == most.bands() && raster.bitsPerSample() > most.samples().bits()) {
                    most = new BandSurvey(bands, raster.sampleFormat(), image.getFileName().toString(),
                            raster.bandNames());
                }
            } catch (IOException | RuntimeException e) {
                // the import names it
            }
        }
        return most;
    }
}

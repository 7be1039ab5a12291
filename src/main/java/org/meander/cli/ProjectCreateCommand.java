package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.project.AlignedFrame;
import org.meander.project.BandSurvey;
import org.meander.project.FramesBesideImages;
import org.meander.project.ImageryOptions;
import org.meander.project.ImportReport;
import org.meander.project.ProjectImport;
import org.meander.project.raster.BandChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./meander project create DIR --images FOLDER [--masks FOLDER] [--class-index K] [--bands R,G,B]
 * [--nir-band K | --nir FOLDER | --no-nir] [--follow-links] [--cut-larger-than PIXELS]}. Near-infrared frames
 * named for the images beside them are paired with them unless {@code --no-nir} says otherwise: imported as tiles,
 * they would be trained on as river imagery. Bands not chosen are taken from the names the images give them, where
 * they do.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a project from a folder of images and, optionally, their masks from another tool.",
                "Prints one JSON line {\"tiles\": N, \"labelled\": M, \"cut\": [...], \"problems\": [...]}, the"
                        + " problems also on stderr; files that cannot be imported are skipped. Exit 0 when any image"
                        + " was imported."})
final class ProjectCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder; created if missing, added to if not")
    Path project;

    @Option(names = "--images", required = true, paramLabel = "FOLDER",
            description = "images to copy into DIR/tiles/ (PNG, JPEG, TIFF, BMP)")
    Path images;

    @Option(names = "--masks", paramLabel = "FOLDER",
            description = "masks named like the images (x.png or x_mask.png for x.jpg), written as their labels")
    Path masks;

    @Option(names = "--class-index", paramLabel = "K",
            description = "masks hold class indices; pixels equal to K are foreground (default: any pixel above 0)")
    Integer classIndex;

    @Mixin
    BandOptions bands;

    @Option(names = "--nir", paramLabel = "FOLDER",
            description = "near-infrared frames named like the images, or with an _ir part (airborne_ir_3.png for"
                    + " airborne_3.png); grey, or rendered with the \"hot\" colour map; kept in nir/<tile>.png."
                    + " Default: the images' folder when it holds such frames")
    Path nearInfrared;

    @Option(names = "--no-nir", description = "import frames named for other images (airborne_ir_3.png beside"
            + " airborne_3.png) as tiles of their own, not as those images' near-infrared bands, and keep no band the"
            + " images name near-infrared")
    boolean noNearInfrared;

    @Option(names = "--nir-as-is", description = "lay each --nir frame on its image as it is, pixel for pixel, for"
            + " frames their software registered already (faster); without it each frame is found on its image by"
            + " its edges and warped onto it when it does not line up")
    boolean nearInfraredAsItIs;

    @Option(names = "--follow-links", description = "copy what symbolic links to files outside the folders point to"
            + " (data kept by git-annex or DVC); without it such links are skipped")
    boolean followLinks;

    @Option(names = "--cut-larger-than", paramLabel = "PIXELS", defaultValue = "" + ImageryOptions.CUT_LARGER_THAN,
            description = "cut an image whose longer side exceeds PIXELS into overlapping 1024-pixel tiles, as"
                    + " `project tile` cuts a raster, its mask along with it (default ${DEFAULT-VALUE}: SAM sees"
                    + " every image at 1024 pixels); 0 imports every image whole")
    int cutLargerThan;

    @Override
    public Integer call() throws IOException {
        if (classIndex != null && classIndex < 0) {
            throw new ParameterException(spec.commandLine(), "--class-index is " + classIndex
                    + "; a class index is 0 or more, such as 1 for the river in a 0 = land, 1 = river mask");
        }
        if (classIndex != null && masks == null) {
            throw new ParameterException(spec.commandLine(), "--class-index needs --masks: it says which class of"
                    + " the masks is foreground");
        }
        if (noNearInfrared && (nearInfrared != null || bands.nearInfraredBandChosen())) {
            throw new ParameterException(spec.commandLine(), "--no-nir imports frames as tiles; it does not go with"
                    + (nearInfrared != null ? " --nir" : " --nir-band"));
        }
        if (nearInfrared == null && !noNearInfrared && !bands.nearInfraredBandChosen()
                && Files.isDirectory(images)) {
            nearInfrared = framesBesideImages();
        }
        if (nearInfraredAsItIs && nearInfrared == null) {
            throw new ParameterException(spec.commandLine(), "--nir-as-is says how to lay --nir frames; give the"
                    + " frames' folder with --nir");
        }
        if (nearInfrared != null && bands.nearInfraredBandChosen()) {
            throw new ParameterException(spec.commandLine(), "--nir and --nir-band both give the near-infrared band;"
                    + " use one");
        }
        ImageryOptions imagery;
        try {
            imagery = new ImageryOptions(chooseBands(), nearInfrared, followLinks, cutLargerThan,
                    nearInfraredAsItIs, new ImageryOptions.ByName(!bands.rgbChosen(), !nearInfraredDecided()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cut-larger-than: " + e.getMessage());
        }
        boolean newFolder = !Files.exists(project);
        ImportReport report = ProjectImport.create(project, images, masks, classIndex, imagery,
                new ImportProgress());
        boolean nothingImported = report.importedTiles().isEmpty() && report.alreadyThere().isEmpty();
        if (nothingImported && newFolder) {
            ScratchFolder.delete(project); // made by this import and empty: a second try starts clean
        }
        report.problems().forEach(System.err::println);
        if (!report.alignedFrames().isEmpty()) {
            System.err.println(AlignedFrame.summary(report.alignedFrames()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tiles", report.importedTiles().size());
        result.put("labelled", report.labelledTiles().size());
        if (!report.emptyImages().isEmpty()) {
            System.err.println(ImportReport.emptyText(report.emptyImages()));
            result.put("empty", report.emptyImages().size());
        }
        if (!report.alreadyThere().isEmpty()) {
            result.put("already_there", report.alreadyThere().size());
        }
        if (!report.cutImages().isEmpty()) {
            result.put("cut", report.cutImages());
        }
        if (!report.alignedFrames().isEmpty()) {
            result.put("aligned", report.alignedFrames());
        }
        result.put("problems", report.problems());
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return nothingImported ? 1 : 0;
    }

    /**
     * The bands typed, else those the images name (the image with the most bands among the first ones, as the New
     * project window offers them; each image then takes its own names); a near-infrared band by name only when no
     * frames give it and --no-nir is not said.
     */
    private BandChoice chooseBands() {
        boolean nearInfraredDecided = nearInfraredDecided();
        if (bands.rgbChosen() && nearInfraredDecided || !Files.isDirectory(images)) {
            return bands.choice();
        }
        BandSurvey survey;
        try {
            survey = BandSurvey.of(images);
        } catch (IOException e) {
            return bands.choice(); // the import says what is wrong with the folder
        }
        return bands.choice(survey.names(), survey.file(), !nearInfraredDecided,
                ", and for each image as its own names say");
    }

    /** Whether the near-infrared band was chosen: a band typed, frames given, or none asked for. */
    private boolean nearInfraredDecided() {
        return bands.nearInfraredBandChosen() || noNearInfrared || nearInfrared != null;
    }

    /**
     * The images' folder when it holds frames named for its images, said on stderr; null when it holds none. An
     * existing images folder that cannot be listed is left to the import to report.
     */
    private Path framesBesideImages() {
        FramesBesideImages frames;
        try {
            frames = FramesBesideImages.in(images);
        } catch (IOException e) {
            return null;
        }
        if (frames.isEmpty()) {
            return null;
        }
        System.err.println(frames.text() + " (--no-nir imports them as tiles)");
        return images;
    }

    /**
     * Images done, counted on stderr (pairing near-infrared frames takes most of a second an image), and the tiles
     * of an image being cut, which can take minutes.
     */
    private static final class ImportProgress implements ProjectImport.Progress {

        private ProgressLine images;
        private ProgressLine cut;
        private String cutFile;

        @Override
        public void filesDone(int done, int total) {
            if (cut != null) {
                cut.finish();
                cut = null;
                cutFile = null;
            }
            if (images == null) {
                images = new ProgressLine(System.err, "images");
            }
            images.show(done, total);
            if (done == total) {
                images.finish();
            }
        }

        @Override
        public void tilesCut(String file, int done, int total) {
            if (!file.equals(cutFile)) {
                if (images != null) {
                    images.finish();
                    images = null;
                }
                cutFile = file;
                cut = new ProgressLine(System.err, "cutting " + file + " into tiles:");
            }
            cut.show(done, total);
        }
    }
}

package org.meander.project.export;

import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.meander.project.LabelMask;
import org.meander.project.LabelStatus;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.project.hf.HfImage;
import org.meander.project.hf.HfParquetWriter;
import org.meander.project.hf.HfSplitFiles;

/**
 * A project as a Hugging Face image-segmentation dataset, in the form of the seed's
 * {@code stodoran/elwha-segmentation-v1}: one parquet file per split ({@code train-00000-of-00001.parquet}, ...)
 * with an {@code image} column (the tile as PNG) and a {@code label} column (a class-index PNG, 0 land, 1 river),
 * both Image features, so that {@code load_dataset("parquet", data_files=...)} and the seed's code read it.
 */
public final class HfExport {

    /** What was written: the files, in split order, and the rows in them. */
    public record Result(List<Path> files, int rows) {

        public Result {
            files = List.copyOf(files);
        }
    }

    private HfExport() {
    }

    /**
     * Writes a file for each split that has labelled tiles {@code which} accepts, each atomically, replacing a file
     * of the same name. Unlabelled tiles are left out: a segmentation example needs its label.
     */
    public static Result write(Project project, Path folder, Predicate<Tile> which) throws IOException {
        Path target = ExportFolders.prepare(project, folder);
        List<Path> files = new ArrayList<>();
        int rows = 0;
        for (Split split : Split.values()) {
            List<Tile> labelled = project.tiles().stream().filter(which)
                    .filter(t -> project.split(t) == split && project.status(t) != LabelStatus.NONE).toList();
            if (labelled.isEmpty()) {
                continue;
            }
            Path file = target.resolve(HfSplitFiles.fileName(split.key()));
            try (HfParquetWriter writer = HfParquetWriter.create(file)) {
                for (Tile tile : labelled) {
                    LabelMask label = project.readLabel(tile).orElseThrow(() -> new IOException(tile.label()
                            + ": the label went away during the export; export again"));
                    writer.add(new HfImage(pngOf(tile), tile.name() + ".png"), new HfImage(classIndexPng(label), null));
                }
                writer.commit();
            }
            files.add(file);
            rows += labelled.size();
        }
        return new Result(files, rows);
    }

    /**
     * The tile as PNG: its own bytes when it is an opaque one, so that they reach the dataset exactly. A tile with
     * alpha (cut at a flight's edge, alpha 0 where nothing was flown) goes as the colours SAM sees without it: code
     * that reads a dataset's images as arrays expects the same channels in every row.
     */
    private static byte[] pngOf(Tile tile) throws IOException {
        String name = tile.image().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            byte[] bytes = Files.readAllBytes(tile.image());
            if (!hasAlphaChannel(bytes)) {
                return bytes;
            }
        }
        BufferedImage image = ImageIO.read(tile.image().toFile());
        if (image == null) {
            throw new IOException(tile.image() + ": not an image this Java runtime reads; convert the tile to PNG"
                    + " and export again");
        }
        return png(withoutAlpha(image), tile.image());
    }

    /** Whether a PNG's header gives its pixels an alpha channel: colour type 4 (grey and alpha) or 6 (RGBA). */
    private static boolean hasAlphaChannel(byte[] png) {
        int colourType = png.length > 25 ? png[25] : -1; // after the signature and IHDR's length, type, size, depth
        return colourType == 4 || colourType == 6;
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        ColorModel colours = image.getColorModel();
        if (!colours.hasAlpha() || !(colours instanceof ComponentColorModel)) {
            return image;
        }
        int[] colourBands = IntStream.range(0, colours.getNumColorComponents()).toArray();
        Raster colour = image.getRaster().createChild(0, 0, image.getWidth(), image.getHeight(), 0, 0, colourBands);
        ComponentColorModel opaque = new ComponentColorModel(colours.getColorSpace(), false, false,
                Transparency.OPAQUE, colour.getTransferType());
        WritableRaster copy = opaque.createCompatibleWritableRaster(image.getWidth(), image.getHeight());
        copy.setRect(colour);
        return new BufferedImage(opaque, copy, false, null);
    }

    /** The label as the seed's data holds it: 8-bit gray, 0 for land and 1 for river (the class index). */
    private static byte[] classIndexPng(LabelMask label) throws IOException {
        BufferedImage image = new BufferedImage(label.width(), label.height(), BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, label.width(), label.height(), label.pixels());
        return png(image, null);
    }

    private static byte[] png(BufferedImage image, Path source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException((source == null ? "a label" : source.toString()) + ": cannot be written as PNG"
                    + " by this Java runtime (javax.imageio); convert it to an 8-bit RGB PNG and export again");
        }
        return out.toByteArray();
    }
}

package org.meander.embed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.SamModel;

/** Reads a tile image and runs SAM's image encoder on it. */
public final class SamTileEncoder implements TileEncoder {

    private final SamModel model;

    public SamTileEncoder(SamModel model) {
        this.model = model;
    }

    @Override
    public ImageEmbedding encode(Path tile) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(tile.toFile());
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(tile)) {
                throw e;
            }
            // ImageIO's message ("Error reading PNG image data") names no file
            throw new IOException(tile + ": the image is damaged and cannot be read (" + e.getMessage() + ");"
                    + " import it again from its source, or remove the tile", e);
        }
        if (image == null) {
            throw new IOException(tile + ": not an image this program can read (PNG, JPEG, TIFF, BMP, GIF)");
        }
        return model.encode(image);
    }
}

package org.meander.project;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.meander.project.hf.HfImage;
import org.meander.project.hf.HfParquetWriter;

/** Small Hugging Face datasets written the way the datasets library writes them, and images for their rows. */
final class HfDatasets {

    private HfDatasets() {
    }

    /** One row: the image and the label, either null for a missing value. */
    record Row(HfImage image, HfImage label) {
    }

    static Path write(Path file, Row... rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            for (Row row : rows) {
                writer.add(row.image() == null ? new HfImage(null, null) : row.image(),
                        row.label() == null ? new HfImage(null, null) : row.label());
            }
            writer.commit();
        }
        return file;
    }

    static Row row(String path, byte[] image, byte[] label) {
        return new Row(new HfImage(image, path), label == null ? null : new HfImage(label, null));
    }

    /** An RGB PNG whose pixels depend on {@code seed}, so that tiles can be told apart. */
    static byte[] rgbPng(int width, int height, int seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 7 + y * 3 + seed * 40) % 256) * 0x010101 + seed);
            }
        }
        return encode(image, "png");
    }

    /** An 8-bit gray PNG of class indices, {@code classOf(i)} at pixel i (row-major), as the seed's labels are. */
    static byte[] classPng(int width, int height, IntUnaryOperator classOf) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < width * height; i++) {
            image.getRaster().setSample(i % width, i / width, 0, classOf.applyAsInt(i));
        }
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** Runs SQL in a fresh DuckDB, to write parquet files of shapes Meander never writes. */
    static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}

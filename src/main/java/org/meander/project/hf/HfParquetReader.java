package org.meander.project.hf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the rows of one parquet file of a Hugging Face image-segmentation dataset, as the {@code datasets} library
 * stores it: an {@code image} and a {@code label} column, each an Image feature ({@code {bytes, path}}). Rows are
 * streamed: only a few are in memory at once, whatever the size of the file.
 */
public final class HfParquetReader implements AutoCloseable {

    public static final String IMAGE = "image";
    public static final String LABEL = "label";

    private final Path file;
    /** For the footer and the image paths, and to learn why reading the rows failed. */
    private final Connection connection;
    private final ParquetColumns columns;
    /** The rows, streamed; opened by the first {@link #next()}. */
    private Connection rowConnection;
    private PreparedStatement query;
    private ResultSet rows;
    private long lastIndex = -1;

    private HfParquetReader(Path file, Connection connection, ParquetColumns columns) {
        this.file = file;
        this.connection = connection;
        this.columns = columns;
    }

    /**
     * Opens the file and checks its columns.
     *
     * @throws IOException naming the file, when it is missing, not parquet, damaged, or lacks an image or label
     *                     column (the message lists the columns it has)
     */
    public static HfParquetReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file; give the dataset's parquet files, such as"
                    + " data/train-00000-of-00001.parquet in a download of the dataset");
        }
        if (file.toString().matches(".*[*?\\[\\]{}].*")) {
            // DuckDB reads a path with these characters as a pattern of file names
            throw new IOException(file + ": the path holds one of * ? [ ] { }; rename the file or its folder");
        }
        Connection connection = DuckDb.open(null, false);
        try {
            ParquetColumns columns;
            try {
                columns = ParquetColumns.read(connection, file);
            } catch (SQLException e) {
                throw new IOException(file + ": not a readable parquet file (" + DuckDb.reason(e) + "); it may be"
                        + " truncated or damaged: download it again", e);
            }
            for (String column : new String[] {IMAGE, LABEL}) {
                Optional<String> problem = columns.imageColumnProblem(column, file);
                if (problem.isPresent()) {
                    throw new IOException(problem.get());
                }
            }
            return new HfParquetReader(file, connection, columns);
        } catch (IOException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private String path(String column) {
        return columns.hasStringField(column, "path") ? column + ".path" : "NULL::VARCHAR";
    }

    /**
     * The {@code path} of every row's image, in row order, null where there is none: read before the rows, and
     * cheaply (only that column is read), so that tile names can be chosen knowing all of them.
     */
    public List<String> imagePaths() throws IOException {
        if (rows != null) {
            throw new IllegalStateException("imagePaths() is read before the rows");
        }
        List<String> paths = new ArrayList<>();
        try (PreparedStatement pathQuery = connection.prepareStatement("SELECT " + path(IMAGE)
                + " FROM read_parquet(?, hive_partitioning = false)")) {
            pathQuery.setString(1, file.toString());
            try (ResultSet result = pathQuery.executeQuery()) {
                while (result.next()) {
                    paths.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + ": the image paths cannot be read (" + DuckDb.reason(e) + "); the file is"
                    + " damaged: download it again", e);
        }
        return paths;
    }

    /**
     * The next row, or null after the last.
     *
     * @throws IOException naming the file and the first row that could not be read (a damaged page); the rows
     *                     returned before it were read whole
     */
    public HfRow next() throws IOException {
        try {
            if (rows == null) {
                rowConnection = DuckDb.open(null, true);
                query = rowConnection.prepareStatement("SELECT file_row_number, image IS NULL, image.bytes, "
                        + path(IMAGE) + ", label IS NULL, label.bytes, " + path(LABEL)
                        + " FROM read_parquet(?, file_row_number = true, hive_partitioning = false)");
                query.setString(1, file.toString());
                rows = query.executeQuery();
            }
            if (!rows.next()) {
                return null;
            }
            lastIndex = rows.getLong(1);
            HfImage image = rows.getBoolean(2) ? null : new HfImage(rows.getBytes(3), rows.getString(4));
            HfImage label = rows.getBoolean(5) ? null : new HfImage(rows.getBytes(6), rows.getString(7));
            return new HfRow(lastIndex, image, label);
        } catch (SQLException e) {
            throw new IOException(file + ": rows from " + (lastIndex + 1) + " on cannot be read ("
                    + whyRowsFail(e) + "); the file is damaged: download it again", e);
        }
    }

    /** The engine's reason, which only a query that is not streamed reports: the rest of the file read again. */
    private String whyRowsFail(SQLException streamed) {
        try (PreparedStatement again = connection.prepareStatement("SELECT sum(octet_length(image.bytes)),"
                + " sum(octet_length(label.bytes)) FROM read_parquet(?, file_row_number = true,"
                + " hive_partitioning = false) WHERE file_row_number > ?")) {
            again.setString(1, file.toString());
            again.setLong(2, lastIndex);
            again.executeQuery().close();
            return DuckDb.reason(streamed);
        } catch (SQLException e) {
            return DuckDb.reason(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Connection metadata = connection; Connection streaming = rowConnection;
             PreparedStatement statement = query; ResultSet result = rows) {
            // try-with-resources closes them in reverse order, skipping those never opened
        } catch (SQLException e) {
            throw new IOException(file + ": could not be closed (" + DuckDb.reason(e) + ")", e);
        }
    }
}

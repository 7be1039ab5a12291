package org.meander.project.hf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one parquet file of an image-segmentation dataset in the form the {@code datasets} library writes and
 * reads: columns {@code image} and {@code label}, each a struct {@code {bytes: binary, path: string}}, and the
 * {@code huggingface} key-value metadata that declares both as Image features, so that
 * {@code load_dataset("parquet", ...)} decodes them as images. The file appears whole on {@link #commit()}, or not at
 * all.
 */
public final class HfParquetWriter implements AutoCloseable {

    /** What {@code datasets} records of the features; the key {@code datasets} reads them back from. */
    static final String FEATURES_KEY = "huggingface";
    static final String FEATURES_JSON =
            "{\"info\": {\"features\": {\"image\": {\"_type\": \"Image\"}, \"label\": {\"_type\": \"Image\"}}}}";
    /** Rows per row group, as {@code datasets} writes image datasets: a reader holds one group of images at once. */
    private static final int ROW_GROUP_ROWS = 100;
    /** A row group ends sooner when its images reach this size, so that neither side holds gigabytes at once. */
    private static final long ROW_GROUP_BYTES = 64L << 20;

    private static final String CREATE_TABLE = "CREATE TEMP TABLE dataset (image STRUCT(bytes BLOB, path VARCHAR),"
            + " label STRUCT(bytes BLOB, path VARCHAR))";

    private final Path file;
    private final Path workFolder;
    private final Connection connection;
    private final PreparedStatement insert;
    private final List<Path> groups = new ArrayList<>();
    private int rows;
    private int groupRows;
    private long groupBytes;

    private HfParquetWriter(Path file, Path workFolder, Connection connection, PreparedStatement insert) {
        this.file = file;
        this.workFolder = workFolder;
        this.connection = connection;
        this.insert = insert;
    }

    /** A writer of {@code file}; nothing is written there before {@link #commit()}. */
    public static HfParquetWriter create(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        // the row groups and the file are written here first: in the target's folder, so that the file is renamed
        // into place, not copied
        Path workFolder = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        Connection connection = null;
        try {
            connection = DuckDb.open(workFolder, false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_TABLE);
            }
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO dataset VALUES ({'bytes': ?, 'path': ?}, {'bytes': ?, 'path': ?})");
            return new HfParquetWriter(target, workFolder, connection, insert);
        } catch (SQLException | IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io : new IOException(target + ": cannot be written ("
                    + (e instanceof SQLException sql ? DuckDb.reason(sql) : e.toString()) + ")", e);
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            deleteFolder(workFolder, failure);
            throw failure;
        }
    }

    /** Adds a row at the end of the file. */
    public void add(HfImage image, HfImage label) throws IOException {
        try {
            insert.setBytes(1, image.bytes());
            setPath(2, image.path());
            insert.setBytes(3, label.bytes());
            setPath(4, label.path());
            insert.executeUpdate();
            rows++;
            groupRows++;
            groupBytes += length(image) + length(label);
            if (groupRows >= ROW_GROUP_ROWS || groupBytes >= ROW_GROUP_BYTES) {
                flushGroup();
            }
        } catch (SQLException e) {
            throw new IOException(file + ": row " + rows + " cannot be written (" + DuckDb.reason(e) + ")", e);
        }
    }

    private void setPath(int parameter, String path) throws SQLException {
        if (path == null) {
            insert.setNull(parameter, Types.VARCHAR);
        } else {
            insert.setString(parameter, path);
        }
    }

    private static long length(HfImage value) {
        return (value.bytes() == null ? 0 : value.bytes().length) + (value.path() == null ? 0 : value.path().length());
    }

    /**
     * Writes the rows so far as a file of one row group and empties the table. DuckDB's parquet writer makes a row
     * group of every chunk of up to 2048 rows it is given and holds it in memory whole: gigabytes of images. Copied
     * from these files, each of them becomes one row group of the final file.
     */
    private void flushGroup() throws IOException {
        Path group = workFolder.resolve(String.format("group-%06d.parquet", groups.size()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY dataset TO '" + quoted(group.toString()) + "' (FORMAT parquet, COMPRESSION"
                    + " uncompressed)");
            // dropped, not emptied: DuckDB keeps deleted rows' memory until the table goes
            statement.execute("DROP TABLE dataset");
            statement.execute(CREATE_TABLE);
        } catch (SQLException e) {
            throw new IOException(file + ": cannot be written (" + DuckDb.reason(e) + "); free disk space in "
                    + workFolder.getParent() + ", then export again", e);
        }
        groups.add(group);
        groupRows = 0;
        groupBytes = 0;
    }

    /** Writes the file, replacing any file of that name at once. */
    public void commit() throws IOException {
        if (groupRows > 0 || groups.isEmpty()) {
            flushGroup();
        }
        Path scratch = workFolder.resolve("dataset.parquet");
        String groupList = String.join(", ", groups.stream().map(g -> "'" + quoted(g.toString()) + "'").toList());
        try (Statement statement = connection.createStatement()) {
            // with more threads this ordered copy waited for memory forever (1.2 GB of images under a 512 MB limit)
            statement.execute("SET threads = 1");
            statement.execute("COPY (SELECT image, label FROM read_parquet([" + groupList + "]))"
                    + " TO '" + quoted(scratch.toString()) + "' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE "
                    + ROW_GROUP_ROWS + ", KV_METADATA {" + FEATURES_KEY + ": '" + quoted(FEATURES_JSON) + "'})");
        } catch (SQLException e) {
            throw new IOException(file + ": cannot be written (" + DuckDb.reason(e) + "); free disk space or check"
                    + " the folder's permissions, then export again", e);
        }
        // the same steps as AtomicFile, with the engine writing the temporary file: flushed, then renamed
        try (FileChannel written = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String quoted(String sqlText) {
        return sqlText.replace("'", "''");
    }

    @Override
    public void close() throws IOException {
        IOException failure = new IOException(file + ": the parquet engine did not close cleanly");
        try (connection; insert) {
            // closed by try-with-resources, the statement first
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        deleteFolder(workFolder, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void deleteFolder(Path folder, IOException failure) {
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

package org.meander.project.hf;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An in-memory DuckDB engine, used only as a parquet reader and writer. It never reaches the network: extensions
 * are neither installed nor loaded on demand (parquet is built into the driver).
 */
final class DuckDb {

    private DuckDb() {
    }

    /**
     * @param spillFolder for a writer: where the engine spills what exceeds a 512 MB memory limit. Null for a reader,
     *                    which keeps DuckDB's limit (most of the machine's memory): it holds a row group at once,
     *                    and other writers than Meander's may make one large (pyarrow's default is a whole file)
     * @param streaming   whether query results are fetched as they are read rather than whole: for reading every
     *                    image of a file. Such a connection reports any error as "Invalid result set", so queries
     *                    whose errors the user must see run on one that is not streaming
     */
    static Connection open(Path spillFolder, boolean streaming) throws IOException {
        Properties config = new Properties();
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        config.setProperty("jdbc_stream_results", Boolean.toString(streaming));
        if (spillFolder != null) {
            config.setProperty("memory_limit", "512MB");
            config.setProperty("temp_directory", spillFolder.toString());
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:", config);
        } catch (SQLException e) {
            throw new IOException("the parquet engine (DuckDB) did not start: " + e.getMessage()
                    + "; it unpacks a native library into the temporary folder (java.io.tmpdir): check that folder"
                    + " is writable and not mounted noexec", e);
        }
    }

    /** DuckDB's message without its leading error class ("Invalid Input Error: ..."), which says nothing to users. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = message.indexOf("Error: ");
        return (colon >= 0 && colon < 40 ? message.substring(colon + "Error: ".length()) : message).strip();
    }
}

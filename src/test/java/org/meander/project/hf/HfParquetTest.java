package org.meander.project.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meander.testing.Messages.assertContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parquet layer on files it writes and on files of other shapes, written here with DuckDB SQL. */
class HfParquetTest {

    @TempDir
    Path dir;

    @Test
    void rowsWrittenReadBackInOrderWithTheirPathsAndNulls() throws IOException {
        Path file = dir.resolve("train-00000-of-00001.parquet");
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            for (int i = 0; i < 250; i++) {
                writer.add(new HfImage(new byte[] {1, (byte) i, 0, (byte) 255}, "tile_" + i + ".png"),
                        new HfImage(new byte[] {(byte) i}, i % 2 == 0 ? null : "label_" + i + ".png"));
            }
            assertFalse(Files.exists(file), "nothing before commit");
            writer.commit();
        }

        List<HfRow> rows = readAll(file);
        assertEquals(250, rows.size());
        HfRow row = rows.get(7);
        assertEquals(7, row.index());
        assertArrayEquals(new byte[] {1, 7, 0, (byte) 255}, row.image().bytes());
        assertEquals("tile_7.png", row.image().path());
        assertArrayEquals(new byte[] {7}, row.label().bytes());
        assertEquals("label_7.png", row.label().path());
        assertNull(rows.get(8).label().path());
        assertEquals(List.of(file.getFileName().toString()), filesIn(dir), "no work files left behind");
    }

    @Test
    void theFileDeclaresBothColumnsAsDatasetsImagesInSmallRowGroups() throws Exception {
        Path file = dir.resolve("x.parquet");
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            for (int i = 0; i < 250; i++) {
                writer.add(new HfImage(new byte[] {1}, null), new HfImage(new byte[] {2}, null));
            }
            writer.commit();
        }

        try (Connection sql = DuckDb.open(null, false)) {
            assertEquals(HfParquetWriter.FEATURES_JSON, single(sql,
                    "SELECT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = 'huggingface'", file));
            assertEquals("3", single(sql, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata(?)", file));
            // the parquet types pyarrow maps to struct<bytes: binary, path: string>, the Image feature's type
            assertEquals("image:null,bytes:BYTE_ARRAY:null,path:BYTE_ARRAY:UTF8,"
                            + "label:null,bytes:BYTE_ARRAY:null,path:BYTE_ARRAY:UTF8",
                    single(sql, "SELECT string_agg(name || ':' || coalesce(type || ':' || coalesce(converted_type,"
                            + " 'null'), 'null'), ',') FROM parquet_schema(?) WHERE name <> 'duckdb_schema'", file));
        }
    }

    @Test
    void aFailedWriteLeavesTheFileThatWasThere() throws IOException {
        Path file = dir.resolve("x.parquet");
        Files.writeString(file, "earlier");
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            writer.add(new HfImage(new byte[] {1}, null), new HfImage(new byte[] {2}, null));
            // closed without commit, as after an error
        }
        assertEquals("earlier", Files.readString(file));
        assertEquals(List.of("x.parquet"), filesIn(dir));
    }

    @Test
    void aFileWithoutTheLabelColumnIsRefusedListingItsColumns() throws Exception {
        Path file = dir.resolve("classes.parquet");
        execute("COPY (SELECT {'bytes': '\\x01'::BLOB, 'path': 'a.png'} AS image, 3 AS labels) TO '" + file
                + "' (FORMAT parquet)");

        IOException e = assertThrows(IOException.class, () -> HfParquetReader.open(file));

        assertContains(e.getMessage(), file.toString(), "\"label\"", "labels INTEGER",
                "image STRUCT(bytes BLOB, path VARCHAR)");
    }

    @Test
    void aLabelColumnThatIsNotAnImageIsRefused() throws Exception {
        Path file = dir.resolve("classes.parquet");
        execute("COPY (SELECT {'bytes': '\\x01'::BLOB, 'path': 'a.png'} AS image, 3 AS label) TO '" + file
                + "' (FORMAT parquet)");

        IOException e = assertThrows(IOException.class, () -> HfParquetReader.open(file));

        assertContains(e.getMessage(), file.toString(), "\"label\" is INTEGER", "not a datasets Image");
    }

    @Test
    void imagesWithoutAPathFieldReadWithANullPath() throws Exception {
        Path file = dir.resolve("bytes-only.parquet");
        execute("COPY (SELECT {'bytes': '\\x01'::BLOB} AS image, NULL::STRUCT(bytes BLOB) AS label) TO '" + file
                + "' (FORMAT parquet)");

        List<HfRow> rows = readAll(file);

        assertEquals(1, rows.size());
        assertNull(rows.get(0).image().path());
        assertNull(rows.get(0).label(), "a missing label is no value, not an empty one");
    }

    @Test
    void aTruncatedOrMissingFileIsAnErrorNamingIt() throws IOException {
        Path file = dir.resolve("x.parquet");
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            writer.add(new HfImage(new byte[100], null), new HfImage(new byte[] {2}, null));
            writer.commit();
        }
        byte[] whole = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(whole, whole.length - 20));

        assertContains(assertThrows(IOException.class, () -> HfParquetReader.open(truncated)).getMessage(),
                truncated.toString(), "not a readable parquet file");
        Path missing = dir.resolve("missing.parquet");
        assertContains(assertThrows(IOException.class, () -> HfParquetReader.open(missing)).getMessage(),
                missing.toString(), "no such file");
    }

    @Test
    void aDamagedPageIsAnErrorNamingTheFileAndTheFirstRowNotRead() throws Exception {
        Path file = dir.resolve("x.parquet");
        try (HfParquetWriter writer = HfParquetWriter.create(file)) {
            for (int i = 0; i < 250; i++) {
                writer.add(new HfImage(new byte[1000], "p" + i), new HfImage(new byte[] {(byte) i}, null));
            }
            writer.commit();
        }
        long secondGroup;
        try (Connection sql = DuckDb.open(null, false)) {
            secondGroup = Long.parseLong(single(sql, "SELECT min(data_page_offset) FROM parquet_metadata(?)"
                    + " WHERE row_group_id = 1", file));
        }
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, (int) secondGroup, (int) secondGroup + 40, (byte) 0x7f);
        Files.write(file, bytes);

        List<HfRow> read = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> {
            try (HfParquetReader reader = HfParquetReader.open(file)) {
                for (HfRow row = reader.next(); row != null; row = reader.next()) {
                    read.add(row);
                }
            }
        });

        assertTrue(read.size() <= 100, read.size() + " rows read");
        assertContains(e.getMessage(), file.toString(), "rows from " + read.size() + " on cannot be read");
        assertFalse(e.getMessage().contains("Invalid result set"), e.getMessage());
        try (Connection sql = DuckDb.open(null, false)) {
            SQLException direct = assertThrows(SQLException.class, () -> single(sql,
                    "SELECT sum(octet_length(image.bytes)) FROM read_parquet(?)", file));
            assertContains(e.getMessage(), "(" + DuckDb.reason(direct) + ")");
        }
    }

    @Test
    void splitsAreReadFromFileAndFolderNamesAsDatasetsReadsThem() {
        assertEquals(Optional.of("train"), HfSplitFiles.splitOf(Path.of("data/train-00000-of-00001.parquet")));
        assertEquals(Optional.of("validation"),
                HfSplitFiles.splitOf(Path.of("validation-00000-of-00001-5e2d1b.parquet")));
        assertEquals(Optional.of("test"), HfSplitFiles.splitOf(Path.of("data/test-00001-of-00002.parquet")));
        assertEquals(Optional.of("validation"), HfSplitFiles.splitOf(Path.of("elwha_val.parquet")));
        assertEquals(Optional.of("train"), HfSplitFiles.splitOf(Path.of("default/train/0000.parquet")));
        assertEquals(Optional.empty(), HfSplitFiles.splitOf(Path.of("data/rivers.parquet")));
        assertEquals("validation-00000-of-00001.parquet", HfSplitFiles.fileName("validation"));
    }

    static List<HfRow> readAll(Path file) throws IOException {
        List<HfRow> rows = new ArrayList<>();
        try (HfParquetReader reader = HfParquetReader.open(file)) {
            for (HfRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String single(Connection sql, String query, Path file) throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            statement.setString(1, file.toString());
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next());
                return result.getString(1);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DuckDb.open(null, false); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

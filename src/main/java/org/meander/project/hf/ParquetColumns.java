package org.meander.project.hf;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level columns of a parquet file, from its footer alone, each with the fields of a struct column. Read
 * before any row, so that a file of another kind is refused with what it does hold.
 */
record ParquetColumns(List<Column> columns) {

    /** A column with its type as DuckDB names it, and, for a struct, its fields' names and types. */
    record Column(String name, String type, Map<String, String> fields) {
    }

    static ParquetColumns read(Connection connection, Path file) throws SQLException {
        // parquet_schema lists the schema tree depth first: the root, then each element followed by its children
        List<String[]> elements = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, duckdb_type, coalesce(num_children, 0) FROM parquet_schema(?)")) {
            query.setString(1, file.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    elements.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        int[] next = {1};
        int rootChildren = elements.isEmpty() ? 0 : Integer.parseInt(elements.get(0)[2]);
        for (int c = 0; c < rootChildren && next[0] < elements.size(); c++) {
            String[] column = elements.get(next[0]++);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int f = 0; f < Integer.parseInt(column[2]); f++) {
                String[] field = elements.get(next[0]);
                fields.put(field[0], field[1]);
                skipSubtree(elements, next);
            }
            columns.add(new Column(column[0], column[1], fields));
        }
        return new ParquetColumns(List.copyOf(columns));
    }

    private static void skipSubtree(List<String[]> elements, int[] next) {
        int children = Integer.parseInt(elements.get(next[0]++)[2]);
        for (int c = 0; c < children; c++) {
            skipSubtree(elements, next);
        }
    }

    Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** "image STRUCT(bytes BLOB, path VARCHAR), label BIGINT": what a message shows of the file. */
    String describe() {
        if (columns.isEmpty()) {
            return "no columns";
        }
        return String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList());
    }

    /**
     * Why the file cannot be read as an image-segmentation dataset through {@code column}, or empty when it can: the
     * column must be a {@code datasets} Image, a struct with a binary {@code bytes} field ({@code path} is optional).
     */
    Optional<String> imageColumnProblem(String column, Path file) {
        Optional<Column> found = column(column);
        if (found.isEmpty()) {
            return Optional.of(file + ": no column \"" + column + "\"; it has " + describe() + ". Meander imports"
                    + " image-segmentation datasets with an \"image\" and a \"label\" column, each a datasets Image"
                    + " ({bytes, path}); rename the columns in the dataset or give the files that hold them");
        }
        String bytesType = found.get().fields().get("bytes");
        if (!"BLOB".equals(bytesType)) {
            return Optional.of(file + ": the column \"" + column + "\" is " + found.get().type() + ", not a datasets"
                    + " Image (a struct with binary \"bytes\" and a \"path\"); it has " + describe() + ". Cast the"
                    + " column to datasets.Image() in Python and save the dataset again");
        }
        return Optional.empty();
    }

    boolean hasStringField(String column, String field) {
        return column(column).map(c -> "VARCHAR".equals(c.fields().get(field))).orElse(false);
    }
}

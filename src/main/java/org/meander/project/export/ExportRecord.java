package org.meander.project.export;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.meander.project.AtomicBytes;

/**
 * What a Meander export wrote into its folder, kept there in a hidden file: so that replacing the export removes
 * exactly its files, and never a file someone else put beside them.
 *
 * @param format the format's command-line name, png or hf
 * @param files  the files written, relative to the folder, with / between folder names ({@code stitched/r.tif})
 */
record ExportRecord(String format, List<String> files) {

    /**
     * Hidden, and without an extension, so that a GIS, a file browser, {@code load_dataset} or {@code import-labels}
     * (which reads a folder's .json files) do not take it for part of the export.
     */
    static final String FILE_NAME = ".meander-export";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    ExportRecord {
        files = List.copyOf(files);
    }

    /** The record in the folder, when it has one. */
    static Optional<ExportRecord> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ExportRecord record;
        try {
            record = JSON.readValue(file.toFile(), ExportRecord.class);
        } catch (JacksonException e) {
            throw damaged(file, e.getOriginalMessage());
        }
        if (record.format() == null || record.files().stream().anyMatch(name -> !inside(name))) {
            throw damaged(file, "it lacks the format or names a file outside the folder");
        }
        return Optional.of(record);
    }

    void write(Path folder) throws IOException {
        AtomicBytes.write(folder.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }

    /** A name that stays inside the folder: what a record may ask to be removed. */
    private static boolean inside(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static IOException damaged(Path file, String why) {
        return new IOException(file + ": damaged (" + why + "), so the export it records cannot be replaced; remove"
                + " that export's files and this file yourself, or choose another folder");
    }
}

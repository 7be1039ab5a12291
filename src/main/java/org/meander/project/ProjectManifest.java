package org.meander.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.meander.weights.JsonProblem;

/**
 * {@code meander.json}: what Meander records about a project, such as
 * <pre>{"name": "...", "labels": {"sample_01": {"status": "EDITED", "label_bytes": 1843,
 *     "predicted_by": "sam-vit-base"}}}</pre>
 * It is kept as a JSON tree rather than bound to a class, so that fields this version does not know (written by a
 * later one, or by hand) survive a rewrite. Instances are immutable: a change returns a new manifest, so a failed
 * write leaves the one in memory matching the file.
 */
final class ProjectManifest {

    static final String FILE_NAME = "meander.json";

    /**
     * The sections that record something per tile, keyed by tile name; their entries go with a tile that is renamed
     * or removed. Others, such as "rasters" (keyed by raster name), are not about one tile.
     */
    private static final List<String> TILE_SECTIONS = List.of("labels", "splits", TileSources.SOURCES);
    /** In a tile's label record: the decoder auto-label predicted the label with. */
    private static final String PREDICTED_BY = "predicted_by";

    /** A key given twice or text after the object means a damaged or mis-edited file: refuse it rather than guess. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final ObjectNode root;

    private ProjectManifest(ObjectNode root) {
        this.root = root;
    }

    static ProjectManifest empty() {
        return new ProjectManifest(MAPPER.createObjectNode());
    }

    /** The project's manifest, or an empty one when the project has none yet. */
    static ProjectManifest read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + JsonProblem.describe(e) + "); fix it or move it aside,"
                    + " and Meander starts a new one (label statuses recorded in it are then lost)", e);
        }
        if (!(root instanceof ObjectNode object)) {
            String found = root == null || root.isMissingNode() ? "an empty file" : root.getNodeType().toString();
            throw new IOException(file + ": expected a JSON object, found " + found
                    + "; fix it or move it aside");
        }
        ProjectManifest manifest = new ProjectManifest(object);
        manifest.checkStatuses(file);
        return manifest;
    }

    /**
     * Rejects unknown statuses when the file is read, so that a typo is reported once, naming the file. A label entry
     * without a status is fine: a later version may record other things about a label.
     */
    private void checkStatuses(Path file) throws IOException {
        JsonNode labels = root.path("labels");
        if (!labels.isMissingNode() && !labels.isObject()) {
            throw new IOException(file + ": \"labels\" is " + labels.getNodeType() + ", expected an object of"
                    + " {\"<tile>\": {\"status\": ...}}; fix it or move the file aside");
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = labels.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode status = entry.getValue().path("status");
            if (!status.isMissingNode() && parseStatus(status.asText("")).isEmpty()) {
                throw new IOException(file + ": label \"" + entry.getKey() + "\" has status " + status
                        + "; a status is one of EDITED, ACCEPTED, PREDICTED, IMPORTED, NONE");
            }
        }
    }

    private static Optional<LabelStatus> parseStatus(String text) {
        for (LabelStatus status : LabelStatus.values()) {
            if (status.name().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    Optional<LabelStatus> recordedStatus(String tileName) {
        return parseStatus(root.path("labels").path(tileName).path("status").asText(""));
    }

    /** The size of the label file when its status was recorded; empty for entries written before it was recorded. */
    OptionalLong recordedLabelBytes(String tileName) {
        JsonNode bytes = root.path("labels").path(tileName).path("label_bytes");
        return bytes.canConvertToLong() ? OptionalLong.of(bytes.asLong()) : OptionalLong.empty();
    }

    /** The decoder whose prediction the tile's label began as (auto-label), when one is recorded. */
    Optional<String> recordedPredictedBy(String tileName) {
        JsonNode decoder = root.path("labels").path(tileName).path(PREDICTED_BY);
        return decoder.isTextual() ? Optional.of(decoder.asText()) : Optional.empty();
    }

    /**
     * labelBytes: the size of the label file the status describes. Other fields of the tile's record stay: the
     * decoder a label's prediction came from stays through a person's edits of it.
     */
    ProjectManifest withStatus(String tileName, LabelStatus status, long labelBytes) {
        ObjectNode copy = root.deepCopy();
        ObjectNode label = labelRecord(copy, tileName);
        label.put("status", status.name());
        label.put("label_bytes", labelBytes);
        return new ProjectManifest(copy);
    }

    /** The tile's label record naming the decoder its prediction came from, or none ({@code predictedBy} null). */
    ProjectManifest withPredictedBy(String tileName, String predictedBy) {
        ObjectNode copy = root.deepCopy();
        ObjectNode label = labelRecord(copy, tileName);
        if (predictedBy == null) {
            label.remove(PREDICTED_BY);
        } else {
            label.put(PREDICTED_BY, predictedBy);
        }
        return new ProjectManifest(copy);
    }

    private static ObjectNode labelRecord(ObjectNode root, String tileName) {
        JsonNode labels = root.path("labels");
        ObjectNode labelsObject = labels instanceof ObjectNode existing ? existing : root.putObject("labels");
        JsonNode label = labelsObject.path(tileName);
        return label instanceof ObjectNode existing ? existing : labelsObject.putObject(tileName);
    }

    Optional<Split> recordedSplit(String tileName) {
        return Split.parse(root.path("splits").path(tileName).asText(""));
    }

    ProjectManifest withSplits(java.util.Map<String, Split> splits) {
        ObjectNode copy = root.deepCopy();
        JsonNode existing = copy.path("splits");
        ObjectNode splitsObject = existing instanceof ObjectNode object ? object : copy.putObject("splits");
        splits.forEach((tile, split) -> splitsObject.put(tile, split.key()));
        return new ProjectManifest(copy);
    }

    /**
     * The tile renamed in every section keyed by tile name. A section added later that records something per tile
     * belongs in {@link #TILE_SECTIONS}, or its entries stay behind when a tile is renamed or removed.
     */
    ProjectManifest withTileRenamed(String from, String to) {
        ObjectNode copy = root.deepCopy();
        for (ObjectNode section : tileSections(copy, from)) {
            ObjectNode renamed = MAPPER.createObjectNode();
            section.fields().forEachRemaining(entry ->
                    renamed.set(entry.getKey().equals(from) ? to : entry.getKey(), entry.getValue()));
            section.removeAll();
            section.setAll(renamed);
        }
        return new ProjectManifest(copy);
    }

    /** The manifest without the tile's entries. */
    ProjectManifest withoutTile(String name) {
        ObjectNode copy = root.deepCopy();
        for (ObjectNode section : tileSections(copy, name)) {
            section.remove(name);
        }
        return new ProjectManifest(copy);
    }

    /** The manifest with the tile's entries of {@code tileOnly} (a removed tile's, from the trash) put back. */
    ProjectManifest withTileEntriesOf(ProjectManifest tileOnly, String name) {
        ObjectNode copy = root.deepCopy();
        for (String key : TILE_SECTIONS) {
            JsonNode entry = tileOnly.root.path(key).path(name);
            if (!entry.isMissingNode()) {
                JsonNode existing = copy.path(key);
                ObjectNode section = existing instanceof ObjectNode object ? object : copy.putObject(key);
                section.set(name, entry.deepCopy());
            }
        }
        return new ProjectManifest(copy);
    }

    /** A manifest of the tile's entries alone, in the same sections: what a removed tile takes to the trash. */
    ProjectManifest onlyTile(String name) {
        ObjectNode tileOnly = MAPPER.createObjectNode();
        for (String key : TILE_SECTIONS) {
            JsonNode entry = root.path(key).path(name);
            if (!entry.isMissingNode()) {
                tileOnly.putObject(key).set(name, entry.deepCopy());
            }
        }
        return new ProjectManifest(tileOnly);
    }

    private static List<ObjectNode> tileSections(ObjectNode root, String tileName) {
        List<ObjectNode> sections = new ArrayList<>();
        for (String key : TILE_SECTIONS) {
            if (root.path(key) instanceof ObjectNode section && section.has(tileName)) {
                sections.add(section);
            }
        }
        return sections;
    }

    ProjectManifest withName(String name) {
        ObjectNode copy = root.deepCopy();
        copy.put("name", name);
        return new ProjectManifest(copy);
    }

    ProjectManifest withSample(boolean sample) {
        ObjectNode copy = root.deepCopy();
        copy.put("sample", sample);
        return new ProjectManifest(copy);
    }

    /** A top-level object such as "sources" (what Meander knows of where each tile came from); missing if absent. */
    JsonNode section(String name) {
        return root.path(name);
    }

    /** Sets entries of a top-level object, keeping its other entries; creates the object when missing. */
    ProjectManifest withEntries(String section, Map<String, ? extends JsonNode> entries) {
        ObjectNode copy = root.deepCopy();
        JsonNode existing = copy.path(section);
        ObjectNode sectionObject = existing instanceof ObjectNode object ? object : copy.putObject(section);
        entries.forEach(sectionObject::set);
        return new ProjectManifest(copy);
    }

    /** Without the entry {@code key} of a top-level object, such as a raster's under "rasters". */
    ProjectManifest withoutEntry(String section, String key) {
        ObjectNode copy = root.deepCopy();
        if (copy.path(section) instanceof ObjectNode sectionObject) {
            sectionObject.remove(key);
        }
        return new ProjectManifest(copy);
    }

    /**
     * Applies {@code change} to the project's manifest as the file holds it now and writes the result, holding the
     * project's lock meanwhile; returns what was written. A project is often open in several places at once (the
     * window, a command run beside it, threads of either): a change made to a copy read earlier would undo every
     * change written since, such as the label statuses the window saved while a raster was being cut.
     */
    static ProjectManifest update(Path directory, UnaryOperator<ProjectManifest> change) throws IOException {
        return ProjectLock.holding(directory, () -> {
            ProjectManifest changed = change.apply(read(directory));
            changed.write(directory);
            return changed;
        });
    }

    /** Writes the manifest as it is; for a new project or a copy elsewhere, which nothing else is changing. */
    void write(Path directory) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(root);
        AtomicBytes.write(directory.resolve(FILE_NAME), json);
    }
}

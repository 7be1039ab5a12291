package org.meander.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weights of a Hugging Face model folder: either one {@value #SINGLE_FILE}, or the shards listed by
 * {@value #INDEX_FILE} (its "weight_map" maps each tensor name to the shard file holding it). Tensors are looked up
 * by name across all shards.
 */
public final class Checkpoint implements AutoCloseable {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path directory;
    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> fileByTensor;
    private final List<String> names;

    private Checkpoint(Path directory, List<SafetensorsFile> files, Map<String, SafetensorsFile> fileByTensor) {
        this.directory = directory;
        this.files = List.copyOf(files);
        this.fileByTensor = fileByTensor;
        this.names = List.copyOf(fileByTensor.keySet());
    }

    public static Checkpoint open(Path dir) throws IOException {
        Path single = dir.resolve(SINGLE_FILE);
        Path index = dir.resolve(INDEX_FILE);
        if (Files.isRegularFile(single)) {
            return openFiles(dir, List.of(single), Map.of(), index);
        }
        if (Files.isRegularFile(index)) {
            Map<String, Path> shardByTensor = readWeightMap(dir, index);
            return openFiles(dir, List.copyOf(new LinkedHashSet<>(shardByTensor.values())), shardByTensor, index);
        }
        throw new WeightsException(dir + ": no model weights found; expected " + SINGLE_FILE + " or " + INDEX_FILE
                + " with its shards in this folder. Pick the model folder (the one holding config.json), or "
                + "download the model again.");
    }

    /**
     * Opens every file and maps each tensor to the file whose header holds it; {@code shardByTensor} is what the
     * index claims (empty without one), and must agree with the headers.
     */
    private static Checkpoint openFiles(Path dir, List<Path> paths, Map<String, Path> shardByTensor, Path index)
            throws IOException {
        List<SafetensorsFile> opened = new ArrayList<>();
        try {
            Map<String, SafetensorsFile> fileByTensor = new TreeMap<>();
            for (Path path : paths) {
                SafetensorsFile file = SafetensorsFile.open(path);
                opened.add(file);
                for (String name : file.names()) {
                    SafetensorsFile earlier = fileByTensor.putIfAbsent(name, file);
                    if (earlier != null) {
                        throw new WeightsException(dir + ": tensor '" + name + "' is stored in two shards, "
                                + earlier.path().getFileName() + " and " + file.path().getFileName()
                                + ", so it is unclear which to use; download the model again.");
                    }
                }
            }
            for (Map.Entry<String, Path> claim : shardByTensor.entrySet()) {
                SafetensorsFile actual = fileByTensor.get(claim.getKey());
                if (actual == null || !actual.path().equals(claim.getValue())) {
                    throw new WeightsException(index + ": says tensor '" + claim.getKey() + "' is in "
                            + claim.getValue().getFileName() + ", but "
                            + (actual == null ? "no shard holds it" : "it is in " + actual.path().getFileName())
                            + "; the index and the shards do not belong together: download the model again.");
                }
            }
            return new Checkpoint(dir, opened, fileByTensor);
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile file : opened) {
                try {
                    file.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /** The index's weight_map with each shard name resolved to an existing file of the folder. */
    private static Map<String, Path> readWeightMap(Path dir, Path index) throws IOException {
        JsonNode root;
        try {
            root = WeightsJson.MAPPER.readTree(index.toFile());
        } catch (JsonProcessingException e) {
            throw new WeightsException(index + ": not valid JSON (" + JsonProblem.describe(e)
                    + "); download the model again.", e);
        }
        JsonNode weightMap = root == null ? null : root.get("weight_map");
        if (weightMap == null || !weightMap.isObject()) {
            throw new WeightsException(index + ": has no \"weight_map\" object mapping tensor names to shard "
                    + "files; download the model again.");
        }
        Map<String, Path> shardByTensor = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = weightMap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new WeightsException(index + ": the weight_map entry for tensor '" + entry.getKey()
                        + "' is not a file name; download the model again.");
            }
            shardByTensor.put(entry.getKey(), resolveShard(dir, index, entry.getKey(), entry.getValue().textValue()));
        }
        return shardByTensor;
    }

    private static Path resolveShard(Path dir, Path index, String tensor, String shardName) throws WeightsException {
        Path folder = dir.toAbsolutePath().normalize();
        // A name like "../x" would read a file outside the model folder.
        if (!folder.equals(folder.resolve(shardName).normalize().getParent())) {
            throw new WeightsException(index + ": shard '" + shardName + "' (for tensor '" + tensor
                    + "') is not a file in the model folder; download the model again.");
        }
        Path shard = dir.resolve(shardName);
        if (!Files.isRegularFile(shard)) {
            throw new WeightsException(index + ": lists shard " + shardName + " (for tensor '" + tensor
                    + "') but " + shard + " does not exist; the download is incomplete: download the missing "
                    + "shard, or the whole model, again.");
        }
        return shard;
    }

    public Path directory() {
        return directory;
    }

    /** All tensor names over all shards, sorted. */
    /** The weight files, shards in the index's order. */
    public List<Path> files() {
        return files.stream().map(SafetensorsFile::path).toList();
    }

    public List<String> names() {
        return names;
    }

    public boolean contains(String name) {
        return fileByTensor.containsKey(name);
    }

    public TensorInfo info(String name) throws WeightsException {
        return fileHolding(name).info(name);
    }

    public float[] readFloats(String name) throws IOException {
        return fileHolding(name).readFloats(name);
    }

    /** The file (the shard, for a sharded checkpoint) that holds the tensor. */
    public Path fileOf(String name) throws WeightsException {
        return fileHolding(name).path();
    }

    private SafetensorsFile fileHolding(String name) throws WeightsException {
        SafetensorsFile file = fileByTensor.get(name);
        if (file == null) {
            throw new WeightsException(directory + ": the checkpoint has no tensor '" + name + "' (it holds "
                    + names.size() + "); check the name, or that this is the model you meant to use.");
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SafetensorsFile file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

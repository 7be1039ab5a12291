package org.meander.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parsed and validated JSON header of a safetensors file: its metadata and where each tensor lies. */
record SafetensorsHeader(Map<String, String> metadata, Map<String, TensorInfo> tensors) {

    static final String METADATA_KEY = "__metadata__";

    private static final String REDOWNLOAD = "the file is damaged: download or export it again.";

    /**
     * Parses the header JSON of {@code file}, whose data section is {@code dataLength} bytes long, and checks
     * every tensor entry against it.
     */
    static SafetensorsHeader parse(Path file, byte[] json, long dataLength) throws WeightsException {
        JsonNode root = readJson(file, json);
        Map<String, String> metadata = Map.of();
        Map<String, TensorInfo> tensors = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : iterable(root)) {
            if (field.getKey().equals(METADATA_KEY)) {
                metadata = parseMetadata(file, field.getValue());
            } else {
                TensorInfo info = parseTensor(file, field.getKey(), field.getValue(), dataLength);
                tensors.put(info.name(), info);
            }
        }
        checkNoOverlap(file, tensors.values());
        return new SafetensorsHeader(metadata, tensors);
    }

    private static JsonNode readJson(Path file, byte[] json) throws WeightsException {
        JsonNode root;
        try {
            root = WeightsJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WeightsException(file + ": the header is not valid JSON (" + JsonProblem.describe(e)
                    + "); this is not a safetensors file, or " + REDOWNLOAD, e);
        } catch (IOException e) {
            throw new WeightsException(file + ": the header cannot be read as JSON (" + e.getMessage() + "); "
                    + REDOWNLOAD, e);
        }
        if (root == null || !root.isObject()) {
            throw new WeightsException(file + ": the header is JSON but not an object of tensors; "
                    + "this is not a safetensors file, or " + REDOWNLOAD);
        }
        return root;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static Map<String, String> parseMetadata(Path file, JsonNode node) throws WeightsException {
        if (!node.isObject()) {
            throw new WeightsException(file + ": \"" + METADATA_KEY + "\" is not an object of strings; "
                    + REDOWNLOAD);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : iterable(node)) {
            if (!entry.getValue().isTextual()) {
                throw new WeightsException(file + ": metadata entry '" + entry.getKey()
                        + "' is not a string; the safetensors format allows only strings there, so " + REDOWNLOAD);
            }
            metadata.put(entry.getKey(), entry.getValue().textValue());
        }
        return Map.copyOf(metadata);
    }

    private static TensorInfo parseTensor(Path file, String name, JsonNode entry, long dataLength)
            throws WeightsException {
        String where = file + ": tensor '" + name + "'";
        if (!entry.isObject()) {
            throw new WeightsException(where + " is described by " + entry.getNodeType()
                    + " instead of an object with dtype, shape and data_offsets; " + REDOWNLOAD);
        }
        JsonNode dtypeNode = required(entry, "dtype", where);
        if (!dtypeNode.isTextual()) {
            throw new WeightsException(where + " has a dtype that is not a string (" + dtypeNode + "); "
                    + REDOWNLOAD);
        }
        TensorDtype dtype = TensorDtype.parse(dtypeNode.textValue(), file, name);
        long[] shape = longs(required(entry, "shape", where), where, "shape");
        for (long dim : shape) {
            if (dim < 0) {
                throw new WeightsException(where + " has shape " + Arrays.toString(shape)
                        + " with a negative dimension; " + REDOWNLOAD);
            }
        }
        long[] offsets = longs(required(entry, "data_offsets", where), where, "data_offsets");
        if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < 0) {
            throw new WeightsException(where + " has data_offsets " + Arrays.toString(offsets)
                    + " instead of two non-negative byte offsets [begin, end]; " + REDOWNLOAD);
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new WeightsException(where + " has data_offsets [" + begin + ", " + end
                    + "] whose end lies before its begin; " + REDOWNLOAD);
        }
        long expectedBytes = byteLength(shape, dtype, where);
        if (end - begin != expectedBytes) {
            throw new WeightsException(where + ": header says shape " + Arrays.toString(shape) + " " + dtype
                    + " = " + expectedBytes + " bytes but offsets give " + (end - begin) + " bytes; " + REDOWNLOAD);
        }
        if (end > dataLength) {
            throw new WeightsException(where + " ends at byte " + end + " of the data section, but the file holds "
                    + "only " + dataLength + " bytes of data: the file looks truncated (an interrupted download?). "
                    + "Download it again.");
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static JsonNode required(JsonNode entry, String key, String where) throws WeightsException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            throw new WeightsException(where + " has no '" + key
                    + "' (each tensor needs dtype, shape and data_offsets); " + REDOWNLOAD);
        }
        return value;
    }

    private static long[] longs(JsonNode node, String where, String key) throws WeightsException {
        if (!node.isArray()) {
            throw new WeightsException(where + " has " + key + " " + node + ", which is not a list of integers; "
                    + REDOWNLOAD);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = node.get(i);
            if (!element.isIntegralNumber() || !element.canConvertToLong()) {
                throw new WeightsException(where + " has " + key + " " + node
                        + ", which is not a list of integers; " + REDOWNLOAD);
            }
            values[i] = element.longValue();
        }
        return values;
    }

    private static long byteLength(long[] shape, TensorDtype dtype, String where) throws WeightsException {
        try {
            long count = 1;
            for (long dim : shape) {
                count = Math.multiplyExact(count, dim);
            }
            return Math.multiplyExact(count, dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new WeightsException(where + " has shape " + Arrays.toString(shape)
                    + ", too large to exist in a file; " + REDOWNLOAD, e);
        }
    }

    private static void checkNoOverlap(Path file, Iterable<TensorInfo> tensors) throws WeightsException {
        List<TensorInfo> byBegin = new ArrayList<>();
        tensors.forEach(byBegin::add);
        // Empty tensors occupy no bytes, so they cannot overlap anything even where they share an offset.
        byBegin.removeIf(info -> info.begin() == info.end());
        byBegin.sort(Comparator.comparingLong(TensorInfo::begin));
        for (int i = 1; i < byBegin.size(); i++) {
            TensorInfo previous = byBegin.get(i - 1);
            TensorInfo current = byBegin.get(i);
            if (current.begin() < previous.end()) {
                throw new WeightsException(file + ": tensors '" + previous.name() + "' [" + previous.begin() + ", "
                        + previous.end() + "] and '" + current.name() + "' [" + current.begin() + ", "
                        + current.end() + "] overlap in the data section; " + REDOWNLOAD);
            }
        }
    }
}

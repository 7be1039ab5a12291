package org.meander.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.meander.project.AtomicBytes;
import org.meander.weights.Checkpoint;
import org.meander.weights.FloatTensor;
import org.meander.weights.SafetensorsWriter;
import org.meander.weights.TensorDtype;

/**
 * Writes a tuned model in the Hugging Face layout: the base model's {@code config.json} and a
 * {@code model.safetensors} holding every tensor of the base model (float32), the decoder's replaced by the run's.
 * transformers' {@code SamModel.from_pretrained} loads it, and so does Meander; its encoder is the base model's, so
 * cached embeddings stay valid.
 */
public final class TunedModelExport {

    private TunedModelExport() {
    }

    /** Whether the folder holds a model (or part of one) that an export would replace. */
    public static boolean holdsModel(Path folder) {
        return Files.exists(folder.resolve("config.json")) || Files.exists(folder.resolve("model.safetensors"))
                || Files.exists(folder.resolve("model.safetensors.index.json"));
    }

    /**
     * Why no model may be written to {@code out}, naming it and saying what to do: it is a file, or a folder of
     * other files than a model's, which an export would be mixed into. Empty when it is new, empty or a model's.
     */
    public static Optional<String> placeProblem(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Optional.of(out + ": is a file; export the model to a folder (a new one is made)");
        }
        if (!Files.isDirectory(out) || holdsModel(out)) {
            return Optional.empty();
        }
        List<String> others;
        try (Stream<Path> entries = Files.list(out)) {
            others = entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
        return others.isEmpty() ? Optional.empty() : Optional.of(out + ": holds no model but " + others.size()
                + (others.size() == 1 ? " other file" : " other files") + ", such as " + others.get(0)
                + "; export the model to an empty or new folder");
    }

    /**
     * Why a tuned model of {@code baseModel} may not be written to {@code out}, whether or not a model there may be
     * replaced: {@link #placeProblem}, the base model's own folder, or a sharded model; empty when it may.
     */
    public static Optional<String> refusal(Path baseModel, Path out) throws IOException {
        if (out.toAbsolutePath().normalize().equals(baseModel.toAbsolutePath().normalize())) {
            return Optional.of(out + ": is the base model's folder; export the tuned model to another folder");
        }
        Optional<String> problem = placeProblem(out);
        if (problem.isEmpty() && Files.isRegularFile(out.resolve("model.safetensors.index.json"))) {
            return Optional.of(out + ": holds a sharded model; export to an empty folder");
        }
        return problem;
    }

    /**
     * Writes the model to {@code out}, which a model already in it refuses unless {@code replace}: an earlier
     * export is the user's work. Its files are new files, whatever the base model's modes (a read-only download).
     */
    public static void write(Path baseModel, Map<String, float[]> decoder, Path out, boolean replace)
            throws IOException {
        Optional<String> problem = refusal(baseModel, out);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        if (!replace && holdsModel(out)) {
            throw new IOException(out + ": holds a model already; export to another folder, or replace it");
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        try (Checkpoint base = Checkpoint.open(baseModel)) {
            for (String name : decoder.keySet()) {
                if (!base.contains(name)) {
                    throw new IOException(baseModel + ": has no tensor " + name + "; the run was trained on another"
                            + " model than this folder holds");
                }
            }
            for (String name : base.names()) {
                long[] shape = base.info(name).shape();
                float[] values = decoder.containsKey(name) ? decoder.get(name) : base.readFloats(name);
                tensors.put(name, new FloatTensor(shape, values));
            }
        }
        Files.createDirectories(out);
        SafetensorsWriter.write(out.resolve("model.safetensors"), tensors, Map.of("format", "pt"), TensorDtype.F32);
        // read and written, not copied: a copy takes the source's mode, and a read-only config.json stays so
        AtomicBytes.write(out.resolve("config.json"), Files.readAllBytes(baseModel.resolve("config.json")));
    }
}

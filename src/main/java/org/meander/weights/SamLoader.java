package org.meander.weights;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.meander.sam.EncoderFingerprint;
import org.meander.sam.PyTorchInstall;
import org.meander.sam.SamConfig;
import org.meander.sam.SamModel;
import org.meander.sam.modeling.SamBlock.ParameterSlot;
import org.meander.sam.modeling.SamModelBlock;

/**
 * Loads a SAM model from a Hugging Face folder ({@code config.json} and {@code model.safetensors}, or a sharded
 * index), filling every parameter by its checkpoint name, so {@code facebook/sam-vit-base|large|huge} load as they
 * are. Every tensor must match: a missing or extra tensor or a wrong shape is an error naming the file and tensor.
 */
public final class SamLoader {

    /** The prompt encoder's copy of the shared positional embedding: the same tensor, tied in transformers. */
    static final String TIED_POSITIONAL = "prompt_encoder.shared_embedding.positional_embedding";
    static final String SHARED_POSITIONAL = "shared_image_embedding.positional_embedding";

    private SamLoader() {
    }

    public static SamModel load(Path modelDir) throws IOException {
        return load(modelDir, true);
    }

    /**
     * The model without its vision encoder's weights, for work on cached embeddings (training, evaluation): the
     * encoder is most of a model's memory. Every tensor is still checked, and the encoder's fingerprint is the
     * whole model's, so the cache finds its embeddings; {@link SamModel#encode} refuses.
     */
    public static SamModel loadWithoutVisionEncoder(Path modelDir) throws IOException {
        return load(modelDir, false);
    }

    private static SamModel load(Path modelDir, boolean visionEncoder) throws IOException {
        PyTorchInstall.prepare();
        Path configFile = modelDir.resolve("config.json");
        SamConfig config = readConfig(modelDir);
        SamModelBlock block;
        try {
            block = new SamModelBlock(config);
        } catch (IllegalArgumentException e) {
            // a block refusing its sizes (heads that do not divide the width): the config is at fault, not the code
            throw new WeightsException(configFile + ": " + e.getMessage() + "; config.json does not describe a"
                    + " SAM model that can be built: check that it is the model's own, unedited config.json", e);
        }
        NDManager manager = NDManager.newBaseManager();
        try (Checkpoint checkpoint = Checkpoint.open(modelDir)) {
            String fingerprint = fill(block, checkpoint, manager, config, visionEncoder);
            return new SamModel(block, manager, fingerprint, visionEncoder);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Checks a model folder without reading its weights, so it is quick for any size: config.json describes a SAM
     * model and the weights' headers (every shard's, for a sharded checkpoint) can be read. What only loading
     * finds (a missing tensor, a wrong shape) {@link #load} still reports.
     */
    public static SamConfig check(Path modelDir) throws IOException {
        SamConfig config = readConfig(modelDir);
        Checkpoint.open(modelDir).close();
        return config;
    }

    private static SamConfig readConfig(Path modelDir) throws IOException {
        Path configFile = modelDir.resolve("config.json");
        if (!Files.exists(modelDir)) {
            throw new WeightsException(modelDir + ": no such folder; give the folder of a SAM model (config.json and"
                    + " model.safetensors), or see ./meander models list");
        }
        if (!Files.isDirectory(modelDir)) {
            throw new WeightsException(modelDir + ": is a file; give the folder that holds it (a model folder"
                    + " holds config.json and model.safetensors)");
        }
        if (!Files.isRegularFile(configFile)) {
            throw new WeightsException(modelDir + ": no config.json; a model folder holds config.json and"
                    + " model.safetensors as Hugging Face's save_pretrained writes them");
        }
        return SamConfig.read(configFile);
    }

    /**
     * Checks every tensor and sets every parameter, the vision encoder's only if {@code visionEncoder}; returns the
     * vision encoder's fingerprint, hashed from the values as read, or, without the encoder, as this process hashed
     * it from the same files before (then the encoder's values are not read at all).
     */
    private static String fill(SamModelBlock block, Checkpoint checkpoint, NDManager manager, SamConfig config,
            boolean visionEncoder) throws IOException {
        Map<String, ParameterSlot> parameters = new TreeMap<>(block.parametersByName());
        Instant hashingBegan = Instant.now();
        Optional<String> known = visionEncoder ? Optional.empty()
                : FingerprintMemo.lookup(config.vision(), checkpoint.files());
        EncoderFingerprint fingerprint = new EncoderFingerprint(config.vision());
        TreeSet<String> extra = new TreeSet<>(checkpoint.names());
        extra.removeAll(parameters.keySet());
        extra.remove(TIED_POSITIONAL);
        if (!extra.isEmpty()) {
            throw new WeightsException(checkpoint.fileOf(extra.first()) + ": tensor " + extra.first()
                    + " is not part of SAM" + (extra.size() > 1 ? " (nor " + (extra.size() - 1) + " others)" : "")
                    + "; is this a SAM checkpoint (SamModel), and does config.json belong to it?");
        }
        for (Map.Entry<String, ParameterSlot> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!checkpoint.contains(name)) {
                throw new WeightsException(checkpoint.directory() + ": tensor " + name + " is missing from the"
                        + " checkpoint; the download may be incomplete, or config.json describes another model");
            }
            long[] expected = e.getValue().shape().getShape();
            long[] actual = checkpoint.info(name).shape();
            if (!Arrays.equals(expected, actual)) {
                throw new WeightsException(checkpoint.fileOf(name) + ": tensor " + name + " has shape "
                        + Arrays.toString(actual) + " but config.json implies " + Arrays.toString(expected)
                        + "; config.json and the weights do not belong together");
            }
            boolean encoder = EncoderFingerprint.covers(name);
            if (encoder && known.isPresent()) {
                continue;
            }
            float[] values = checkpoint.readFloats(name);
            if (visionEncoder || !encoder) {
                e.getValue().parameter().setArray(manager.create(values, e.getValue().shape()));
            }
            if (encoder) {
                fingerprint.add(name, values);
            }
        }
        if (known.isPresent()) {
            return known.get();
        }
        String hashed = fingerprint.finish();
        FingerprintMemo.remember(config.vision(), checkpoint.files(), hashed, hashingBegan);
        return hashed;
    }
}

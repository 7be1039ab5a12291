package org.meander.weights;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types Meander reads; the constant names are the safetensors dtype names. Models and embeddings are
 * float types (and only those are written); U8, I64 and F64 appear in reference data such as packed masks and
 * candidate indices.
 */
public enum TensorDtype {
    F32(4),
    F16(2),
    BF16(2),
    F64(8),
    I64(8),
    U8(1);

    private final int byteSize;

    TensorDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The dtype named in a safetensors header; {@code file} and {@code tensor} only serve the error message. */
    public static TensorDtype parse(String safetensorsName, Path file, String tensor) throws WeightsException {
        for (TensorDtype dtype : values()) {
            if (dtype.name().equals(safetensorsName)) {
                return dtype;
            }
        }
        throw new WeightsException(file + ": tensor '" + tensor + "' has dtype " + safetensorsName
                + ", which Meander cannot read (supported: " + supportedNames() + "). "
                + "Use a float32, float16 or bfloat16 checkpoint, or convert this one (e.g. with the safetensors "
                + "Python package).");
    }

    /** Whether this is a type models and embeddings are written in. */
    public boolean isWritable() {
        return this == F32 || this == F16 || this == BF16;
    }

    private static String supportedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

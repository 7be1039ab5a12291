package org.meander.ui.evaluate;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The model Annotate predicts with, whose mask decoder a run's tuned one can replace. */
public interface AnnotationModel {

    /** The Hugging Face folder the model was loaded from: a run's decoder fits it when the run trained on it. */
    Path directory();

    /**
     * Replaces the decoder's weights (by checkpoint name) between two of Annotate's predictions; the image encoder
     * stays, and with it every cached embedding. Completes once Annotate predicts with them.
     */
    CompletableFuture<Void> useDecoder(Map<String, float[]> decoder);

    /** Goes back to the decoder the model was loaded with. */
    CompletableFuture<Void> useBaseDecoder();
}

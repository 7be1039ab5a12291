package org.meander.ui.evaluate;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;

/** The model Annotate predicts with, whose mask decoder a run's tuned one can replace. */
public interface AnnotationModel {

    /** What {@link #decoderInUseProperty} reads while the model predicts with the decoder it was loaded with. */
    String OWN_DECODER = "the model's own";

    /** The Hugging Face folder the model was loaded from: a run's decoder fits it when the run trained on it. */
    Path directory();

    /**
     * Replaces the decoder's weights (by checkpoint name) between two of Annotate's predictions; the image encoder
     * stays, and with it every cached embedding. {@code name} says which decoder it is (a run and its checkpoint).
     * Completes once Annotate predicts with them.
     */
    CompletableFuture<Void> useDecoder(Map<String, float[]> decoder, String name);

    /** Goes back to the decoder the model was loaded with. */
    CompletableFuture<Void> useBaseDecoder();

    /** The decoder Annotate predicts with: {@link #OWN_DECODER}, or the name a tuned one was given. */
    ReadOnlyStringProperty decoderInUseProperty();
}

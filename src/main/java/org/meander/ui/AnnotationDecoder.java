package org.meander.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.meander.sam.SamModel;
import org.meander.train.DecoderParameters;
import org.meander.ui.evaluate.AnnotationModel;

/**
 * Annotate's model as the Evaluate tab sees it: its decoder is replaced in place on Annotate's SAM thread, between
 * two previews; the encoder, and so every cached embedding, stays. The model's own decoder is kept the first time
 * it is replaced, to go back to.
 */
final class AnnotationDecoder implements AnnotationModel {

    private final SamModel model;
    private final Path directory;
    private final AnnotateViewModel annotate;
    /** The decoder the model was loaded with; read and written on Annotate's SAM thread only. */
    private Map<String, float[]> own;

    AnnotationDecoder(SamModel model, Path directory, AnnotateViewModel annotate) {
        this.model = model;
        this.directory = directory;
        this.annotate = annotate;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public CompletableFuture<Void> useDecoder(Map<String, float[]> decoder) {
        return annotate.changeModel(() -> {
            DecoderParameters parameters = DecoderParameters.of(model);
            if (own == null) {
                own = parameters.values();
            }
            parameters.load(decoder);
            model.decoderChanged();
        });
    }

    /**
     * Puts the model's own decoder back at once, on the calling thread: only once Annotate's SAM thread has ended,
     * as when the model passes to another project's workbench.
     */
    void restoreOwnNow() {
        if (own != null) {
            DecoderParameters.of(model).load(own);
            model.decoderChanged();
            own = null;
        }
    }

    @Override
    public CompletableFuture<Void> useBaseDecoder() {
        return annotate.changeModel(() -> {
            if (own != null) {
                DecoderParameters.of(model).load(own);
                model.decoderChanged();
            }
        });
    }
}

package org.meander.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.meander.prompts.autolabel.LabellingDecoder;
import org.meander.sam.SamModel;
import org.meander.train.DecoderParameters;
import org.meander.ui.evaluate.AnnotationModel;

/**
 * Annotate's model as the Evaluate tab sees it: its decoder is replaced in place on Annotate's SAM thread, between
 * two previews; the encoder, and so every cached embedding, stays. The model's own decoder is kept the first time
 * it is replaced, to go back to, and the tuned one last used, for D to switch between the two.
 */
final class AnnotationDecoder implements AnnotationModel {

    /** A tuned decoder and its name. */
    private record Tuned(Map<String, float[]> weights, String name) {
    }

    private final SamModel model;
    private final Path directory;
    private final AnnotateViewModel annotate;
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(OWN_DECODER);
    private final AtomicReference<Tuned> lastTuned = new AtomicReference<>();
    /** The decoder loaded for Annotate's SAM thread: set there as it loads one, read by auto-label's thread. */
    private volatile String loaded = OWN_DECODER;
    /** The decoder the model was loaded with; read and written on Annotate's SAM thread only. */
    private Map<String, float[]> own;

    AnnotationDecoder(SamModel model, Path directory, AnnotateViewModel annotate) {
        this.model = model;
        this.directory = directory;
        this.annotate = annotate;
        annotate.sam().nameDecodersBy(this::answering);
    }

    /**
     * The decoder that gave the answer just computed, as its status line begins, on Annotate's SAM thread: nothing
     * until a tuned decoder was made Annotate's, for until then there is only the model's own.
     */
    private String answering() {
        String now = loaded;
        if (!OWN_DECODER.equals(now)) {
            return "Decoder of " + now;
        }
        return lastTuned.get() == null ? null : "The model's own decoder";
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public CompletableFuture<Void> useDecoder(Map<String, float[]> decoder, String name) {
        lastTuned.set(new Tuned(decoder, name));
        return annotate.sam().changeModel(() -> {
            DecoderParameters parameters = DecoderParameters.of(model);
            if (own == null) {
                own = parameters.values();
            }
            parameters.load(decoder);
            model.decoderChanged();
            loaded = name;
        }).thenRun(() -> Platform.runLater(() -> inUse.set(name)));
    }

    @Override
    public CompletableFuture<Void> useBaseDecoder() {
        return annotate.sam().changeModel(() -> {
            if (own != null) {
                DecoderParameters.of(model).load(own);
                model.decoderChanged();
            }
            loaded = OWN_DECODER;
        }).thenRun(() -> Platform.runLater(() -> inUse.set(OWN_DECODER)));
    }

    @Override
    public ReadOnlyStringProperty decoderInUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /**
     * The decoder Annotate's SAM thread predicts with now, as a label auto-label writes records it; from any thread.
     * Read just after an answer, it names the decoder that gave it unless D was pressed within that instant.
     */
    LabellingDecoder labellingDecoder() {
        String now = loaded;
        return new LabellingDecoder(directory.getFileName().toString(), OWN_DECODER.equals(now) ? null : now);
    }

    /**
     * D, on the JavaFX thread: the model's own decoder and the tuned one last used, in turn, SAM asked again about
     * the clicks on the tile, so that the two are compared on the same prompt; Annotate's status bar says which.
     */
    void switchDecoder() {
        Tuned tuned = lastTuned.get();
        if (tuned == null) {
            annotate.showMessage("No fine-tuned decoder was used yet: in the Evaluate tab, choose a run and press"
                    + " \"Use for annotation\"; then D switches between it and the model's own.");
            return;
        }
        boolean toTuned = OWN_DECODER.equals(inUse.get());
        (toTuned ? useDecoder(tuned.weights(), tuned.name()) : useBaseDecoder()).thenRun(() -> Platform.runLater(
                () -> annotate.sam().announce("SAM predicts with " + (toTuned ? "the decoder of " + tuned.name()
                        : "the model's own decoder") + " now (D switches back).")));
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
            loaded = OWN_DECODER;
        }
    }
}

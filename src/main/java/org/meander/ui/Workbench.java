package org.meander.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.meander.embed.EmbeddingCache;
import org.meander.embed.EncodingQueue;
import org.meander.embed.InteractivePredictor;
import org.meander.embed.SamTileEncoder;
import org.meander.project.Project;
import org.meander.sam.SamModel;
import org.meander.ui.evaluate.EvaluateViewModel;
import org.meander.ui.train.TrainViewModel;
import org.meander.weights.SamLoader;

/**
 * What one open project needs, wired together: the project, the SAM model (optional), its embedding cache and
 * background encoder, and the view-models of the Annotate, Train and Evaluate tabs. Opening loads the model: call it
 * off the JavaFX thread.
 */
final class Workbench implements AutoCloseable {

    /** Memory for hot embeddings: 128 ViT-B tiles. */
    private static final long EMBEDDING_MEMORY = 256L << 20;

    private final Project project;
    private final SamModel model;
    private final Path modelDir;
    private final String modelName;
    private final AnnotationDecoder annotationDecoder;
    private final EncodingQueue queue;
    private final InteractivePredictor predictor;
    private final AnnotateViewModel annotate;
    private final TrainViewModel train;
    private final EvaluateViewModel evaluate;
    private boolean partsClosed;
    /** Set once the model has passed to another project's workbench, which closes it then. */
    private boolean modelPassedOn;

    private Workbench(Project project, SamModel model, Path modelDir, String modelName) {
        this.project = project;
        this.model = model;
        this.modelDir = modelDir;
        this.modelName = modelName;
        EmbeddingCache cache = null;
        if (model != null) {
            cache = new EmbeddingCache(project.directory(), model.encoderFingerprint(), EMBEDDING_MEMORY);
            queue = new EncodingQueue(new SamTileEncoder(model), cache);
            predictor = new InteractivePredictor(model, cache, queue);
        } else {
            queue = null;
            predictor = null;
        }
        annotate = new AnnotateViewModel(project, predictor, queue);
        // runs fine-tune the model Annotate uses, and their decoders can replace its own
        train = new TrainViewModel(project, modelDir, cache);
        if (queue != null) {
            // Annotate encodes every tile in the background; when it is through, the Train tab's check is stale
            AtomicBoolean finished = new AtomicBoolean();
            queue.addListener(progress -> {
                boolean done = progress.finished();
                if (done && !finished.getAndSet(true)) {
                    Platform.runLater(train::refresh);
                } else if (!done) {
                    finished.set(false);
                }
            });
        }
        annotationDecoder = model == null ? null : new AnnotationDecoder(model, modelDir, annotate);
        evaluate = new EvaluateViewModel(project, annotationDecoder);
    }

    /** modelDir may be null: the workbench then works without SAM. */
    static Workbench open(Path projectDir, Path modelDir) throws IOException {
        return open(Project.open(projectDir), modelDir);
    }

    /** A project already opened, with the model in modelDir (null: without SAM). */
    static Workbench open(Project project, Path modelDir) throws IOException {
        SamModel model = modelDir == null ? null : SamLoader.load(modelDir);
        return new Workbench(project, model, modelDir, modelDir == null ? "none" : modelDir.getFileName().toString());
    }

    /**
     * Another project with this workbench's model, passed on as it is loaded: no second copy in memory and no
     * reload. The project is opened first, and when it cannot be this workbench stays as it was; otherwise this
     * workbench ends, all but the model, whose own decoder comes back if Annotate used a tuned one. Closing this
     * workbench afterwards leaves the model to the new one. Off the JavaFX thread: it waits for this workbench's
     * background work to end.
     */
    synchronized Workbench openProject(Path projectDir) throws IOException {
        Project next = Project.open(projectDir);
        closeAllButModel();
        if (model == null) {
            return new Workbench(next, null, null, modelName);
        }
        annotationDecoder.restoreOwnNow();
        Workbench opened = new Workbench(next, model, modelDir, modelName);
        modelPassedOn = true;
        return opened;
    }

    AnnotateViewModel annotate() {
        return annotate;
    }

    /** Annotate's decoder, the model's own or a run's; null without a model. */
    AnnotationDecoder annotationDecoder() {
        return annotationDecoder;
    }

    /** The model Annotate predicts with, or null without one. */
    SamModel model() {
        return model;
    }

    TrainViewModel train() {
        return train;
    }

    EvaluateViewModel evaluate() {
        return evaluate;
    }

    String modelName() {
        return modelName;
    }

    Project project() {
        return project;
    }

    /** The background encoder, or null without a model. */
    EncodingQueue queue() {
        return queue;
    }

    @Override
    public synchronized void close() {
        closeAllButModel();
        if (model != null && !modelPassedOn) {
            model.close();
        }
    }

    /** Ends the view-models and the background work, which all use the model: after this, nothing does. */
    private void closeAllButModel() {
        if (partsClosed) {
            return;
        }
        partsClosed = true;
        train.close();
        evaluate.close();
        annotate.close();
        if (predictor != null) {
            predictor.close();
        }
        if (queue != null) {
            queue.close();
        }
    }
}

package org.meander.train;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.meander.embed.EmbeddingCache;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.sam.SamModel;
import org.meander.weights.AtomicFile;
import org.meander.weights.SamLoader;

/**
 * Fine-tunes the mask decoder of a project's model on the labelled training tiles: embeddings first (only those
 * missing from the cache), then epochs of steps on cached embeddings, validation after each epoch, checkpoints
 * {@code best} and {@code last}. A stop request is honoured between batches and leaves a {@code last} checkpoint
 * from which {@link #train} with {@code resume} continues exactly as if the run had not stopped.
 */
public final class TrainingRun {

    /** A batch loss this many times the first epoch's largest counts as exploding. */
    private static final double EXPLODING_FACTOR = 100;
    static final long EMBEDDING_MEMORY = 64L << 20;

    private final Project project;
    private final RunFolder folder;
    private final TrainingConfig config;
    private final Path baseModel;

    private TrainingRun(Project project, RunFolder folder, TrainingConfig config, Path baseModel) {
        this.project = project;
        this.folder = folder;
        this.config = config;
        this.baseModel = baseModel;
    }

    /**
     * A new run: fails, making nothing, if the folder already holds one (resume it, or choose another name) or if
     * the training split has no labelled tile.
     */
    public static TrainingRun create(Project project, String name, Path baseModel, TrainingConfig config)
            throws IOException {
        return create(project, name, baseModel, config, null);
    }

    /**
     * A new run whose decoder starts from an earlier run's checkpoint ({@code from}; null: the model's own), which
     * must have tuned the same model. The checkpoint is copied into the run, so that the run can be resumed and
     * repeated whatever becomes of the earlier one.
     */
    public static TrainingRun create(Project project, String name, Path baseModel, TrainingConfig config,
                                     RunDecoder from) throws IOException {
        RunFolder folder = RunFolder.of(project.directory(), name);
        if (folder.exists()) {
            throw exists(folder);
        }
        config.validated();
        TrainingData.trainingTiles(project);
        Path start = from == null ? null : startingCheckpoint(project, baseModel, from);
        folder.create();
        // the run's lock makes the check and the writing one step: two makers of one name write its settings once
        try (RunLock claim = claim(folder)) {
            if (folder.exists()) {
                throw exists(folder);
            }
            config.write(folder.config());
            if (start != null) {
                AtomicFile.replace(folder.startingDecoder(), channel -> {
                    try (FileChannel in = FileChannel.open(start)) {
                        for (long at = 0, size = in.size(); at < size; ) {
                            at += in.transferTo(at, size - at, channel);
                        }
                    }
                });
            }
            new RunInfo(baseModel.toAbsolutePath().toString(), null, null, RunStatus.STOPPED, "not started", from)
                    .write(folder.info());
        }
        return new TrainingRun(project, folder, config, baseModel.toAbsolutePath());
    }

    private static RunLock claim(RunFolder folder) throws IOException {
        try {
            return RunLock.take(folder);
        } catch (IOException e) {
            throw new IOException(folder.directory() + ": run '" + folder.name() + "' exists, being made by another"
                    + " Meander now; choose another name", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("making run " + folder.name() + " was interrupted");
        }
    }

    private static IOException exists(RunFolder folder) {
        return new IOException(folder.directory() + ": run '" + folder.name() + "' exists; resume it or choose"
                + " another name");
    }

    /** The checkpoint file a new run of {@code baseModel} would start from; an error says why it cannot. */
    private static Path startingCheckpoint(Project project, Path baseModel, RunDecoder from) throws IOException {
        TrainingRun earlier = open(project, from.run());
        if (!earlier.tunedTheModelIn(baseModel)) {
            throw new IOException("run " + from.run() + " fine-tuned the decoder of " + earlier.baseModel() + ", not of "
                    + baseModel + ": start from a run of the same model, or from the model's own decoder");
        }
        Path checkpoint = earlier.folder().checkpoint(from.checkpoint());
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException(checkpoint + ": run " + from.run() + " has no " + from.describe() + " yet; let it"
                    + " train an epoch, or start from another checkpoint");
        }
        return checkpoint;
    }

    /** An existing run, to resume or evaluate. */
    public static TrainingRun open(Project project, String name) throws IOException {
        RunFolder folder = RunFolder.of(project.directory(), name);
        if (!folder.exists()) {
            throw new IOException(folder.directory() + ": no run named '" + name + "' in this project");
        }
        RunInfo info = RunInfo.read(folder.info());
        return new TrainingRun(project, folder, TrainingConfig.read(folder.config()), Path.of(info.baseModel()));
    }

    public RunFolder folder() {
        return folder;
    }

    public TrainingConfig config() {
        return config;
    }

    public Path baseModel() {
        return baseModel;
    }

    /**
     * A word on the run for whoever evaluates it unfinished: it trains still (its checkpoints change as it goes), or
     * was interrupted; empty when it ended as run.json records.
     */
    public Optional<String> unfinished() throws IOException {
        RunInfo info = RunInfo.asItStands(folder);
        if (info.status() == RunStatus.RUNNING) {
            return Optional.of("Run " + folder.name() + " is still training: its checkpoints change as it goes");
        }
        return info.interrupted() ? Optional.of("Run " + folder.name() + " was " + info.message() + "; resume it to"
                + " train on") : Optional.empty();
    }

    /** The earlier run's checkpoint the run's decoder started from; null for the model's own. */
    /**
     * The file of one of the run's checkpoints; an error, from the run's status, when the run has not written it: it
     * failed, was stopped or is still in its first epoch.
     */
    public Path checkpoint(CheckpointKind kind) throws IOException {
        Path file = folder.checkpoint(kind);
        if (Files.exists(file)) {
            return file;
        }
        RunInfo info = RunInfo.asItStands(folder);
        String why = switch (info.status()) {
            case FAILED -> "it failed before its first epoch ended (" + info.message() + "); train it again";
            case STOPPED -> "it was stopped before its first epoch ended; resume it (./meander train --run "
                    + folder.name() + " --resume, or Resume in the Train tab)";
            case RUNNING -> "it is still in its first epoch; evaluate it once an epoch has ended";
            case FINISHED -> file + " is missing; train the run again";
        };
        throw new IOException("run " + folder.name() + " has no " + kind.word() + " checkpoint: " + why);
    }

    public RunDecoder startedFrom() throws IOException {
        return RunInfo.read(folder.info()).startedFrom();
    }

    /**
     * Whether the run tuned the decoder of the model in {@code model}: the same folder as its base model. SAM's
     * decoders have one size for every encoder, so a decoder put on another model would run, and mislabel.
     */
    public boolean tunedTheModelIn(Path model) {
        try {
            return Files.isSameFile(baseModel, model);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Trains until the last epoch, early stopping, a stop request or a failure, which the run's info then records
     * before it is thrown. With {@code resume}, starts from the {@code last} checkpoint. The process holds the run
     * meanwhile ({@link RunLock}): a run that another trains is refused at once, its files left as they are.
     */
    public RunOutcome train(boolean resume, TrainingListener listener, BooleanSupplier stopRequested)
            throws IOException, InterruptedException {
        try (RunLock held = RunLock.take(folder)) {
            return trainHeld(resume, listener, stopRequested);
        }
    }

    private RunOutcome trainHeld(boolean resume, TrainingListener listener, BooleanSupplier stopRequested)
            throws IOException, InterruptedException {
        List<Tile> trainTiles = TrainingData.trainingTiles(project);
        List<Tile> validationTiles = TrainingData.labelledTiles(project, Split.VALIDATION);
        try (SamModel model = SamLoader.loadWithoutVisionEncoder(baseModel)) {
            EmbeddingCache cache = new EmbeddingCache(project.directory(), model.encoderFingerprint(),
                    EMBEDDING_MEMORY);
            TrainingData data = new TrainingData(project, cache, model.config().promptEncoder().maskInputSize());
            List<Tile> all = new ArrayList<>(trainTiles);
            all.addAll(validationTiles);
            if (!MissingEmbeddings.compute(baseModel, data, all, listener, stopRequested)) {
                RunOutcome stopped = new RunOutcome(RunStatus.STOPPED, "stopped while computing embeddings, before"
                        + " training; those computed are kept", 0);
                RunInfo.read(folder.info()).with(stopped.status(), stopped.message()).write(folder.info());
                return stopped;
            }

            RunInfo info = new RunInfo(baseModel.toString(), model.encoderFingerprint(),
                    model.manager().getDevice().toString(), RunStatus.RUNNING, null,
                    RunInfo.read(folder.info()).startedFrom());
            info.write(folder.info());
            try (TrainingStep step = new TrainingStep(model, config.lossSettings(), config.adamW())) {
                RunState state = RunState.start();
                Path last = folder.checkpoint(CheckpointKind.LAST);
                if (resume && Files.isRegularFile(last)) {
                    state = restore(step, last);
                } else if (Files.isRegularFile(folder.startingDecoder())) {
                    step.parameters().load(RunCheckpoint.read(folder.startingDecoder()).decoder());
                }
                RunOutcome outcome = new Epochs(model, step, data, trainTiles, validationTiles, listener,
                        stopRequested).run(state);
                info.with(outcome.status(), outcome.message()).write(folder.info());
                return outcome;
            }
        } catch (IOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        }
    }

    /** Marks the run failed with the error's message; a failure to do so is added to the error, not thrown. */
    private void recordFailure(Exception error) {
        try {
            RunInfo.read(folder.info()).with(RunStatus.FAILED, error.getMessage()).write(folder.info());
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    /** The state in {@code file}. */
    private static RunState restore(TrainingStep step, Path file) throws IOException {
        RunCheckpoint checkpoint = RunCheckpoint.read(file);
        step.parameters().load(checkpoint.decoder());
        step.optimizer().restore(checkpoint.optimizer());
        return checkpoint.state();
    }

    /** The epoch loop of one call to {@link #train}. */
    private final class Epochs {
        private final SamModel model;
        private final TrainingStep step;
        private final TrainingData data;
        private final List<Tile> trainTiles;
        private final List<Tile> validationTiles;
        private final TrainingListener listener;
        private final BooleanSupplier stopRequested;
        private final int batchesPerEpoch;
        private final LearningRateSchedule schedule;
        private final PromptDrawer drawer;
        /** Tiles that left the project during the run, by name: found on the reading thread, told on this one. */
        private final Set<String> removed = ConcurrentHashMap.newKeySet();
        private final Set<String> told = new HashSet<>();

        Epochs(SamModel model, TrainingStep step, TrainingData data, List<Tile> trainTiles,
                List<Tile> validationTiles, TrainingListener listener, BooleanSupplier stopRequested) {
            this.model = model;
            this.step = step;
            this.data = data;
            this.trainTiles = trainTiles;
            this.validationTiles = validationTiles;
            this.listener = listener;
            this.stopRequested = stopRequested;
            this.batchesPerEpoch = (trainTiles.size() + config.batchSize() - 1) / config.batchSize();
            this.schedule = new LearningRateSchedule(config.learningRate(), config.warmupSteps(), config.schedule(),
                    (long) batchesPerEpoch * config.epochs());
            this.drawer = new PromptDrawer(config);
        }

        /** The epochs' outcome; its message also names the tiles left out because they left the project. */
        RunOutcome run(RunState start) throws IOException {
            RunOutcome outcome = runEpochs(start);
            if (removed.isEmpty()) {
                return outcome;
            }
            String note = removed.size() + (removed.size() == 1 ? " tile" : " tiles") + " removed or renamed during"
                    + " the run " + (removed.size() == 1 ? "was" : "were") + " left out: "
                    + String.join(", ", removed.stream().sorted().toList());
            return new RunOutcome(outcome.status(), outcome.message() == null ? note : outcome.message() + "; "
                    + note, outcome.bestEpoch());
        }

        private RunOutcome runEpochs(RunState start) throws IOException {
            RunState state = start;
            List<EpochRecord> epochs = new ArrayList<>(state.epochs());
            List<BatchRecord> batches = new ArrayList<>(state.batches());
            for (int epoch = state.epoch(); epoch < config.epochs(); epoch++) {
                List<Tile> order = order(epoch);
                long epochStart = System.nanoTime();
                double trainingSeconds = 0;
                int firstBatch = epoch == state.epoch() ? state.batch() : 0;
                int epochIndex = epoch;
                try (BatchPrefetcher reader = new BatchPrefetcher(b -> batch(order, epochIndex, b), batchesPerEpoch)) {
                    for (int b = firstBatch; b < batchesPerEpoch; b++) {
                        RunState here = new RunState(epoch, b, state.step(), state.bestEpoch(),
                                state.bestValidationLoss(), state.epochsWithoutImprovement(), epochs, batches);
                        if (stopRequested.getAsBoolean()) {
                            save(CheckpointKind.LAST, here);
                            return new RunOutcome(RunStatus.STOPPED, "stopped at epoch " + (epoch + 1) + ", batch "
                                    + (b + 1) + " of " + batchesPerEpoch, state.bestEpoch());
                        }
                        long batchStart = System.nanoTime();
                        List<TrainingExample> batch = reader.take(b);
                        tellRemoved();
                        if (removed.size() == trainTiles.size()) {
                            return new RunOutcome(RunStatus.FAILED, "every training tile was removed from the"
                                    + " project during the run", state.bestEpoch());
                        }
                        if (batch.isEmpty()) {
                            // every tile of this batch was removed: the next batch takes the step
                            state = new RunState(epoch, b + 1, state.step(), state.bestEpoch(),
                                    state.bestValidationLoss(), state.epochsWithoutImprovement(), epochs, batches);
                            continue;
                        }
                        double lr = schedule.rate(state.step());
                        StepResult result = step.run(batch, lr);
                        String failure = failure(result, batches);
                        if (failure != null) {
                            writeHistory(epochs, batches);
                            return new RunOutcome(RunStatus.FAILED, failure + " at epoch " + (epoch + 1) + ", batch "
                                    + (b + 1) + "; the last checkpoint keeps the last good state. Lower the learning"
                                    + " rate and start a new run, or resume", state.bestEpoch());
                        }
                        double seconds = (System.nanoTime() - batchStart) / 1e9;
                        trainingSeconds += seconds;
                        BatchRecord record = new BatchRecord(state.step() + 1, epoch + 1, result.loss(), lr);
                        batches.add(record);
                        state = new RunState(epoch, b + 1, state.step() + 1, state.bestEpoch(),
                                state.bestValidationLoss(), state.epochsWithoutImprovement(), epochs, batches);
                        listener.batch(record, b + 1, batchesPerEpoch, batch.size() / seconds);
                    }
                }
                ValidationResult validation = new Validation(model, data, config)
                        .run(validationTiles, done -> listener.validating(done, validationTiles.size()), stopRequested);
                validationTiles.stream().filter(data::leftProject)
                        .forEach(tile -> removed.add(tile.name()));
                tellRemoved();
                if (validation == null) {
                    // the epoch is trained but not validated: resuming validates it
                    save(CheckpointKind.LAST, new RunState(epoch, batchesPerEpoch, state.step(), state.bestEpoch(),
                            state.bestValidationLoss(), state.epochsWithoutImprovement(), epochs, batches));
                    return new RunOutcome(RunStatus.STOPPED, "stopped while validating epoch " + (epoch + 1),
                            state.bestEpoch());
                }
                int number = epoch + 1;
                double trainingLoss = batches.stream().filter(r -> r.epoch() == number)
                        .mapToDouble(BatchRecord::loss).average().orElse(Double.NaN);
                EpochRecord record = new EpochRecord(epoch + 1, trainingLoss, validation.loss(),
                        validation.summary(), (System.nanoTime() - epochStart) / 1e9,
                        trainingSeconds > 0 ? trainTiles.size() / trainingSeconds : Double.NaN);
                epochs.add(record);
                double validationLoss = record.selectionLoss();
                boolean best = validationLoss < state.bestValidationLoss();
                state = new RunState(epoch + 1, 0, state.step(), best ? epoch + 1 : state.bestEpoch(),
                        best ? validationLoss : state.bestValidationLoss(),
                        best ? 0 : state.epochsWithoutImprovement() + 1, epochs, batches);
                if (best) {
                    save(CheckpointKind.BEST, state);
                }
                save(CheckpointKind.LAST, state);
                writeHistory(epochs, batches);
                listener.epoch(record, best);
                if (config.patience() > 0 && state.epochsWithoutImprovement() >= config.patience()) {
                    return new RunOutcome(RunStatus.FINISHED, "stopped early: validation loss did not improve for "
                            + config.patience() + " epochs", state.bestEpoch());
                }
            }
            return new RunOutcome(RunStatus.FINISHED, null, state.bestEpoch());
        }

        /** The epoch's order of the training tiles: a shuffle seeded by the run's seed and the epoch. */
        private List<Tile> order(int epoch) {
            List<Tile> order = new ArrayList<>(trainTiles);
            Collections.shuffle(order, new Random(config.seed() * 1_000_003L + epoch));
            return order;
        }

        private List<TrainingExample> batch(List<Tile> order, int epoch, int b) throws IOException {
            // prompts drawn from a generator seeded by the position, so a resumed run draws the same ones
            SplittableRandom random = new SplittableRandom((config.seed() * 1_000_003L + epoch) * 1_000_003L + b);
            List<TrainingExample> batch = new ArrayList<>();
            int end = Math.min(order.size(), (b + 1) * config.batchSize());
            for (Tile tile : order.subList(b * config.batchSize(), end)) {
                Optional<TrainingExample> example = data.exampleIfStillThere(tile, drawer, random);
                example.ifPresentOrElse(batch::add, () -> removed.add(tile.name()));
            }
            return batch;
        }

        private void tellRemoved() {
            for (String tile : removed) {
                if (told.add(tile)) {
                    listener.tileRemoved(tile);
                }
            }
        }

        private String failure(StepResult result, List<BatchRecord> batches) {
            if (!Float.isFinite(result.loss())) {
                return "the loss became " + result.loss();
            }
            if (!Double.isFinite(result.gradientNorm())) {
                return "the gradients became " + result.gradientNorm();
            }
            double firstEpochMax = batches.stream().filter(r -> r.epoch() == 1).mapToDouble(BatchRecord::loss)
                    .max().orElse(Double.NaN);
            if (Double.isFinite(firstEpochMax) && result.loss() > EXPLODING_FACTOR * firstEpochMax) {
                return "the loss exploded to " + result.loss() + " (the first epoch's largest was " + firstEpochMax
                        + ")";
            }
            return null;
        }

        private void save(CheckpointKind kind, RunState state) throws IOException {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            step.parameters().arrays().forEach((name, array) -> shapes.put(name, array.getShape().getShape()));
            new RunCheckpoint(step.parameters().values(), step.optimizer().state(), state)
                    .write(folder.checkpoint(kind), shapes);
        }

        private void writeHistory(List<EpochRecord> epochs, List<BatchRecord> batches) throws IOException {
            RunFiles.write(folder.history(),
                    TrainingConfig.mapper().writeValueAsBytes(new RunHistory(epochs, batches)));
        }
    }
}

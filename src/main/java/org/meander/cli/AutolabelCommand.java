package org.meander.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.meander.embed.EmbeddingCache;
import org.meander.project.Project;
import org.meander.project.Split;
import org.meander.project.Tile;
import org.meander.prompts.PromptRecipe;
import org.meander.prompts.RoughMaskSettings;
import org.meander.prompts.RoughMaskSource;
import org.meander.prompts.WaterIndex;
import org.meander.prompts.autolabel.AutoLabelSettings;
import org.meander.prompts.autolabel.AutoLabeler;
import org.meander.prompts.autolabel.LabellingDecoder;
import org.meander.prompts.autolabel.TileOutcome;
import org.meander.sam.SamModel;
import org.meander.train.CheckpointKind;
import org.meander.train.DecoderParameters;
import org.meander.train.RunCheckpoint;
import org.meander.train.RunDecoder;
import org.meander.train.TrainingRun;
import org.meander.weights.SamLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./meander autolabel}: pre-label a whole project with SAM, prompted from the imagery, for review. */
@Command(name = "autolabel", mixinStandardHelpOptions = true,
        description = {"Label every unlabelled tile of a project with SAM, without a click: a rough water mask from"
                + " the imagery (near-infrared index or colour), prompts drawn from it, SAM's mask written as the"
                + " tile's label with the status PREDICTED, to be reviewed.",
                "Prints one JSON line {\"tiles\": N, \"labelled\": a, \"skipped\": b, \"empty\": c, \"failed\": d,"
                        + " \"seconds\": s}; empty and failed tiles are also named on stderr. Exit 1 when a tile"
                        + " failed.",
                "With --dry-run nothing is written: every tile is named on stderr with what labelling would make of"
                        + " it, and \"labelled\" counts the tiles that would be."})
final class AutolabelCommand implements Callable<Integer> {

    /** The rough mask sources, as typed on the command line. */
    enum Source {
        ndwi(RoughMaskSource.NDWI), hsv(RoughMaskSource.HSV);

        final RoughMaskSource source;

        Source(RoughMaskSource source) {
            this.source = source;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectFolder projectFolder;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face SAM folder (with --run: the run's base model unless given)")
    Path model;

    @Option(names = "--run", paramLabel = "NAME",
            description = "label with the decoder this project's fine-tuning run tuned (on its base model)")
    String run;

    @Option(names = "--checkpoint", paramLabel = "best|last", defaultValue = "best",
            description = "with --run: its best checkpoint (lowest validation loss) or its last (default: best)")
    String checkpoint;

    @Option(names = "--source", paramLabel = "ndwi|hsv",
            description = "rough mask from ndwi (needs nir/<tile>.png) or hsv colour"
            + " (default: hsv)")
    Source source = Source.hsv;

    @Option(names = "--ndwi-threshold", paramLabel = "T", description = "with --source ndwi: water where"
            + " (G - NIR) / (G + NIR) > T (default 0, McFeeters' threshold for calibrated reflectances; an"
            + " uncalibrated band needs its own, such as 0.8 for the Elwha frames' colour-mapped near-infrared)")
    Double ndwiThreshold;

    @Option(names = "--points", paramLabel = "P,N", converter = PointCountsOption.class,
            description = "positive and negative points drawn from the rough mask (default: 3,1)")
    PointCountsOption.PointCounts points = new PointCountsOption.PointCounts(PromptRecipe.DEFAULT.positives(),
            PromptRecipe.DEFAULT.negatives());

    @Option(names = "--box", description = "add the box around the largest water body to the prompt")
    boolean box;

    @Option(names = "--overwrite", description = "label tiles that already have a label too (the old one is kept"
            + " in labels/.history/)")
    boolean overwrite;

    @Option(names = "--dry-run", description = "write no label: name each tile with what labelling would make of"
            + " it (its rough mask's and SAM's mask's shares of the tile), to try a threshold first")
    boolean dryRun;

    @Option(names = "--split", paramLabel = "SPLIT", converter = SplitOption.class,
            description = "only tiles of this split: train, validation or test")
    Split split;

    @Override
    public Integer call() throws IOException {
        if (points.positives() == 0 && points.negatives() == 0 && !box) {
            throw new ParameterException(spec.commandLine(), "--points 0,0 without --box leaves nothing to prompt SAM"
                    + " with: ask for a point or the box");
        }
        AutoLabelSettings defaults = AutoLabelSettings.DEFAULT;
        RoughMaskSettings roughMask = defaults.roughMask().withSource(source.source);
        if (ndwiThreshold != null) {
            if (source != Source.ndwi) {
                throw new ParameterException(spec.commandLine(), "--ndwi-threshold is for --source ndwi; the colour"
                        + " source has no such threshold");
            }
            try {
                roughMask = roughMask.withWaterIndex(new WaterIndex(ndwiThreshold));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--ndwi-threshold " + ndwiThreshold + ": "
                        + e.getMessage());
            }
        }
        if (model == null && run == null) {
            throw new ParameterException(spec.commandLine(), "give the model to label with: --model DIR, or --run"
                    + " NAME for a fine-tuning run's decoder");
        }
        Project opened = Project.open(projectFolder.required());
        TunedDecoder tuned = run == null ? null : tunedDecoder(opened);
        Path modelFolder = model != null ? model : tuned.baseModel();
        List<Tile> tiles = tilesOf(opened);
        AutoLabelSettings settings = new AutoLabelSettings(roughMask,
                new PromptRecipe(points.positives(), points.negatives(), box), overwrite, defaults.seed());
        long start = System.nanoTime();
        Map<TileOutcome.Kind, Integer> counts = new EnumMap<>(TileOutcome.Kind.class);
        List<TileOutcome> reported = new ArrayList<>();
        ProgressBar bar = new ProgressBar(System.err);
        try (SamModel sam = SamLoader.load(modelFolder)) {
            if (tuned != null) {
                DecoderParameters.of(sam).load(tuned.decoder());
                sam.decoderChanged();
            }
            // Each tile is visited once: no memory layer is worth keeping.
            EmbeddingCache cache = new EmbeddingCache(opened.directory(), sam.encoderFingerprint(), 0);
            LabellingDecoder decoder = new LabellingDecoder(
                    modelFolder.toAbsolutePath().normalize().getFileName().toString(),
                    tuned == null ? null : tuned.name().describe());
            AutoLabeler labeler = AutoLabeler.withModel(opened, sam, cache, settings, decoder);
            bar.show(0, tiles.size(), 0, Double.NaN, Double.NaN);
            for (int i = 0; i < tiles.size(); i++) {
                TileOutcome outcome = dryRun ? labeler.tryLabel(tiles.get(i)) : labeler.label(tiles.get(i));
                counts.merge(outcome.kind(), 1, Integer::sum);
                if (dryRun || outcome.kind() == TileOutcome.Kind.EMPTY
                        || outcome.kind() == TileOutcome.Kind.FAILED) {
                    reported.add(outcome);
                }
                double perTile = (System.nanoTime() - start) / 1e9 / (i + 1);
                bar.show(i + 1, tiles.size(), counts.getOrDefault(TileOutcome.Kind.FAILED, 0), perTile,
                        perTile * (tiles.size() - i - 1));
            }
            bar.finish();
        }
        // After the bar's line, so that a report does not land in the middle of it.
        for (TileOutcome outcome : reported) {
            String kind = outcome.kind().name().toLowerCase(Locale.ROOT);
            System.err.println(outcome.tile().name() + ": " + (dryRun && outcome.kind() == TileOutcome.Kind.LABELLED
                    ? "would be labelled" : kind) + ", " + outcome.detail());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tiles", tiles.size());
        for (TileOutcome.Kind kind : TileOutcome.Kind.values()) {
            result.put(kind.name().toLowerCase(Locale.ROOT), counts.getOrDefault(kind, 0));
        }
        result.put("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        if (dryRun) {
            result.put("dry_run", true);
        }
        System.out.println(new ObjectMapper().writeValueAsString(result));
        return counts.getOrDefault(TileOutcome.Kind.FAILED, 0) > 0 ? 1 : 0;
    }

    /** A run's tuned decoder weights, and the model they were tuned on. */
    private record TunedDecoder(Path baseModel, Map<String, float[]> decoder, RunDecoder name) {
    }

    /** The decoder of {@code --run} at {@code --checkpoint}; a {@code --model} other than the one it tuned is refused. */
    private TunedDecoder tunedDecoder(Project opened) throws IOException {
        CheckpointKind kind;
        try {
            kind = EvaluateCommand.parseCheckpoint(checkpoint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TrainingRun training = TrainingRun.open(opened, run);
        Path base = training.baseModel();
        if (model != null && !training.tunedTheModelIn(model)) {
            throw new ParameterException(spec.commandLine(), "run " + run + " fine-tuned the decoder of " + base
                    + ", not of " + model + ": leave --model out to label with that model, or give it");
        }
        return new TunedDecoder(base, RunCheckpoint.read(training.checkpoint(kind)).decoder(),
                new RunDecoder(run, kind));
    }

    private List<Tile> tilesOf(Project opened) {
        if (split == null) {
            return opened.tiles();
        }
        return opened.tiles().stream().filter(tile -> opened.split(tile) == split).toList();
    }
}

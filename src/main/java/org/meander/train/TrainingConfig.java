package org.meander.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.meander.prompts.BoxSettings;
import org.meander.prompts.ControlPointSettings;
import org.meander.weights.JsonProblem;

/**
 * Everything that defines a fine-tuning run; stored as {@code runs/<run>/config.json}. The defaults are the seed
 * tutorial's: AdamW at 7e-6 with weight decay 2e-4, 10 warm-up steps, batches of 5, 50 epochs, DiceCE, control
 * points fed one per prompt, the single-mask output.
 *
 * @param patience epochs without a lower validation loss before stopping early; 0 never stops early
 */
public record TrainingConfig(
        PromptType promptType,
        int positivePoints,
        int negativePoints,
        boolean erodeRegions,
        int boxPerturbation,
        PointFeeding pointFeeding,
        OutputHandling outputHandling,
        LossFunction loss,
        boolean iouLoss,
        double learningRate,
        double weightDecay,
        double beta1,
        double beta2,
        int warmupSteps,
        Schedule schedule,
        int batchSize,
        int epochs,
        long seed,
        int patience) {

    public static TrainingConfig defaults() {
        return new TrainingConfig(PromptType.POINTS, 3, 2, true, 20, PointFeeding.ONE_PER_PROMPT,
                OutputHandling.SINGLE, LossFunction.DICE_CE, false, 7e-6, 2e-4, 0.9, 0.999, 10, Schedule.CONSTANT,
                5, 50, 42, 0);
    }

    /**
     * Every field's problem, in words a form or a command line can show; empty when the config is usable. A setting's
     * name appears in a problem only where the problem is about it: the Train tab marks every field a problem names.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (promptType == null || pointFeeding == null || outputHandling == null || loss == null || schedule == null) {
            problems.add("promptType, pointFeeding, outputHandling, loss and schedule must all be set");
        }
        if (positivePoints < 0 || negativePoints < 0) {
            problems.add("positivePoints and negativePoints must be 0 or more");
        }
        if (promptType != PromptType.BOX && positivePoints + negativePoints == 0) {
            problems.add("point prompts need at least one positive or negative point");
        }
        if (boxPerturbation < 0) {
            problems.add("boxPerturbation must be 0 or more pixels");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            problems.add("learningRate must lie in (0, 1), got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            problems.add("weightDecay must lie in [0, 1), got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            problems.add("beta1 and beta2 must lie in [0, 1)");
        }
        if (warmupSteps < 0) {
            problems.add("warmupSteps must be 0 or more");
        }
        if (batchSize < 1) {
            problems.add("batchSize must be at least 1");
        }
        if (epochs < 1) {
            problems.add("epochs must be at least 1");
        }
        if (patience < 0) {
            problems.add("patience must be 0 (never stop early) or more");
        }
        return problems;
    }

    /** Fails with every problem at once. */
    public TrainingConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid training settings: " + String.join("; ", problems));
        }
        return this;
    }

    public ControlPointSettings controlPoints() {
        return new ControlPointSettings(positivePoints, negativePoints, erodeRegions);
    }

    public BoxSettings box() {
        return new BoxSettings(boxPerturbation);
    }

    public AdamWSettings adamW() {
        return new AdamWSettings(beta1, beta2, 1e-8, weightDecay);
    }

    public LossSettings lossSettings() {
        return new LossSettings(loss, outputHandling, iouLoss);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(promptType, positivePoints, negativePoints, erodeRegions, boxPerturbation,
                pointFeeding, outputHandling, loss, iouLoss, learningRate, weightDecay, beta1, beta2, warmupSteps,
                schedule, batchSize, value, seed, patience);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(promptType, positivePoints, negativePoints, erodeRegions, boxPerturbation,
                pointFeeding, outputHandling, loss, iouLoss, learningRate, weightDecay, beta1, beta2, warmupSteps,
                schedule, value, epochs, seed, patience);
    }

    /**
     * Reads a config file; fields it leaves out keep their defaults, so a file may hold only what differs. An unknown
     * field or a wrong value is an error naming the file and the field.
     */
    public static TrainingConfig read(Path file) throws IOException {
        ObjectMapper mapper = mapper();
        JsonNode given;
        try {
            given = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + JsonProblem.describe(e), e);
        }
        if (!(given instanceof ObjectNode fields)) {
            throw new IOException(file + ": expected a JSON object of training settings");
        }
        ObjectNode merged = mapper.valueToTree(defaults());
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!merged.has(name)) {
                List<String> known = new ArrayList<>();
                merged.fieldNames().forEachRemaining(known::add);
                throw new IOException(file + ": unknown setting '" + name + "'; the settings are " + known);
            }
            if (fields.get(name).isNull()) {
                throw new IOException(file + ": " + wrongValue(name, fields.get(name)));
            }
        }
        merged.setAll(fields);
        TrainingConfig config;
        try {
            config = mapper.treeToValue(merged, TrainingConfig.class);
        } catch (JsonMappingException e) {
            String setting = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw new IOException(file + ": " + (setting != null && fields.has(setting)
                    ? wrongValue(setting, fields.get(setting)) : e.getOriginalMessage()), e);
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return config;
    }

    /** "setting 'epochs' is 2.5; it takes a whole number", from the setting's type. */
    private static String wrongValue(String setting, JsonNode given) {
        Class<?> type = Arrays.stream(TrainingConfig.class.getRecordComponents())
                .filter(c -> c.getName().equals(setting)).findFirst().orElseThrow().getType();
        String takes;
        if (type.isEnum()) {
            takes = "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (type == int.class || type == long.class) {
            takes = "a whole number";
        } else if (type == double.class) {
            takes = "a number";
        } else if (type == boolean.class) {
            takes = "true or false";
        } else {
            takes = "a " + type.getSimpleName();
        }
        return "setting '" + setting + "' is " + given + "; it takes " + takes;
    }

    public void write(Path file) throws IOException {
        RunFiles.write(file, mapper().writeValueAsBytes(this));
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 2.5 epochs would otherwise train 2
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}

package org.meander.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.meander.train.LossFunction;
import org.meander.train.OutputHandling;
import org.meander.train.PointFeeding;
import org.meander.train.PromptType;
import org.meander.train.Schedule;
import org.meander.train.TrainingConfig;

/**
 * The training settings as the form edits them: one property per field of {@link TrainingConfig}, checked on every
 * change. A text that is not a number is this form's problem; every other rule is {@link TrainingConfig#problems}'s,
 * so the form and the command line refuse the same settings. A problem that names a field marks that field, and
 * reads with the form's words for it ("Learning rate", not config.json's "learningRate").
 */
public final class TrainingForm {

    private final ObjectProperty<PromptType> promptType = new SimpleObjectProperty<>();
    private final SettingField positivePoints = new SettingField("positivePoints", NumberKind.INT);
    private final SettingField negativePoints = new SettingField("negativePoints", NumberKind.INT);
    private final BooleanProperty erodeRegions = new SimpleBooleanProperty();
    private final SettingField boxPerturbation = new SettingField("boxPerturbation", NumberKind.INT);
    private final ObjectProperty<PointFeeding> pointFeeding = new SimpleObjectProperty<>();
    private final ObjectProperty<OutputHandling> outputHandling = new SimpleObjectProperty<>();
    private final ObjectProperty<LossFunction> loss = new SimpleObjectProperty<>();
    private final BooleanProperty iouLoss = new SimpleBooleanProperty();
    private final SettingField learningRate = new SettingField("learningRate", NumberKind.NUMBER);
    private final SettingField weightDecay = new SettingField("weightDecay", NumberKind.NUMBER);
    private final SettingField beta1 = new SettingField("beta1", NumberKind.NUMBER);
    private final SettingField beta2 = new SettingField("beta2", NumberKind.NUMBER);
    private final SettingField warmupSteps = new SettingField("warmupSteps", NumberKind.INT);
    private final ObjectProperty<Schedule> schedule = new SimpleObjectProperty<>();
    private final SettingField batchSize = new SettingField("batchSize", NumberKind.INT);
    private final SettingField epochs = new SettingField("epochs", NumberKind.INT);
    private final SettingField seed = new SettingField("seed", NumberKind.LONG);
    private final SettingField patience = new SettingField("patience", NumberKind.INT);

    private final List<SettingField> fields = List.of(positivePoints, negativePoints, boxPerturbation, learningRate,
            weightDecay, beta1, beta2, warmupSteps, batchSize, epochs, seed, patience);
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // made once: a read-only view made per call is only weakly held by its list, and its listeners with it
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);

    public TrainingForm() {
        load(TrainingConfig.defaults());
        List<Observable> inputs = new ArrayList<>(List.of(promptType, erodeRegions, pointFeeding, outputHandling,
                loss, iouLoss, schedule));
        fields.forEach(field -> inputs.add(field.textProperty()));
        inputs.forEach(input -> input.addListener(o -> check()));
        check();
    }

    /** Fills every field from a config: the seed's defaults, or a past run's settings. */
    public void load(TrainingConfig settings) {
        promptType.set(settings.promptType());
        positivePoints.textProperty().set(Integer.toString(settings.positivePoints()));
        negativePoints.textProperty().set(Integer.toString(settings.negativePoints()));
        erodeRegions.set(settings.erodeRegions());
        boxPerturbation.textProperty().set(Integer.toString(settings.boxPerturbation()));
        pointFeeding.set(settings.pointFeeding());
        outputHandling.set(settings.outputHandling());
        loss.set(settings.loss());
        iouLoss.set(settings.iouLoss());
        learningRate.textProperty().set(number(settings.learningRate()));
        weightDecay.textProperty().set(number(settings.weightDecay()));
        beta1.textProperty().set(number(settings.beta1()));
        beta2.textProperty().set(number(settings.beta2()));
        warmupSteps.textProperty().set(Integer.toString(settings.warmupSteps()));
        schedule.set(settings.schedule());
        batchSize.textProperty().set(Integer.toString(settings.batchSize()));
        epochs.textProperty().set(Integer.toString(settings.epochs()));
        seed.textProperty().set(Long.toString(settings.seed()));
        patience.textProperty().set(Integer.toString(settings.patience()));
    }

    /** The settings as typed when they are usable, else null. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** Every problem of the settings as typed, in words; empty when they are usable. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public BooleanBinding validBinding() {
        return Bindings.isNotNull(config);
    }

    /** Whether the prompts use control points, and so the point settings matter. */
    public BooleanBinding usesPointsBinding() {
        return Bindings.notEqual(PromptType.BOX, promptType);
    }

    /** Whether the prompts use a box, and so its perturbation matters. */
    public BooleanBinding usesBoxBinding() {
        return Bindings.notEqual(PromptType.POINTS, promptType);
    }

    private void check() {
        List<String> found = new ArrayList<>();
        fields.forEach(field -> {
            String problem = field.parseProblem();
            if (problem != null) {
                found.add(problem);
            }
        });
        TrainingConfig typed = typed();
        found.addAll(typed.problems());
        List<String> worded = found.stream().map(this::inFormWords).toList();
        fields.forEach(field -> field.setProblem(firstNaming(found, worded, field.key())));
        problems.setAll(worded);
        config.set(found.isEmpty() ? typed : null);
    }

    /** The config as typed, a field that is not a number taken from the defaults (its problem is already noted). */
    private TrainingConfig typed() {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(promptType.get(), or(positivePoints, d.positivePoints()),
                or(negativePoints, d.negativePoints()), erodeRegions.get(), or(boxPerturbation, d.boxPerturbation()),
                pointFeeding.get(), outputHandling.get(), loss.get(), iouLoss.get(),
                or(learningRate, d.learningRate()), or(weightDecay, d.weightDecay()), or(beta1, d.beta1()),
                or(beta2, d.beta2()), or(warmupSteps, d.warmupSteps()), schedule.get(), or(batchSize, d.batchSize()),
                or(epochs, d.epochs()), or(seed, d.seed()), or(patience, d.patience()));
    }

    private static int or(SettingField field, int fallback) {
        Number value = field.value();
        return value == null ? fallback : value.intValue();
    }

    private static long or(SettingField field, long fallback) {
        Number value = field.value();
        return value == null ? fallback : value.longValue();
    }

    private static double or(SettingField field, double fallback) {
        Number value = field.value();
        return value == null ? fallback : value.doubleValue();
    }

    /** The first of the problems that names the key, in the form's words; empty when none does. */
    private static String firstNaming(List<String> problems, List<String> worded, String key) {
        Pattern word = keyPattern(key);
        for (int i = 0; i < problems.size(); i++) {
            if (word.matcher(problems.get(i)).find()) {
                return worded.get(i);
            }
        }
        return "";
    }

    private String inFormWords(String problem) {
        String worded = problem;
        for (SettingField field : fields) {
            worded = keyPattern(field.key()).matcher(worded).replaceAll(Matcher.quoteReplacement(field.label()));
        }
        return worded;
    }

    private static Pattern keyPattern(String key) {
        return Pattern.compile("\\b" + key + "\\b");
    }

    /** 7e-6 rather than 7.0E-6: how a person would type it. */
    static String number(double value) {
        return Double.toString(value).replace(".0E", "e").replace("E", "e");
    }

    public ObjectProperty<PromptType> promptTypeProperty() {
        return promptType;
    }

    public SettingField positivePoints() {
        return positivePoints;
    }

    public SettingField negativePoints() {
        return negativePoints;
    }

    public BooleanProperty erodeRegionsProperty() {
        return erodeRegions;
    }

    public SettingField boxPerturbation() {
        return boxPerturbation;
    }

    public ObjectProperty<PointFeeding> pointFeedingProperty() {
        return pointFeeding;
    }

    public ObjectProperty<OutputHandling> outputHandlingProperty() {
        return outputHandling;
    }

    public ObjectProperty<LossFunction> lossProperty() {
        return loss;
    }

    public BooleanProperty iouLossProperty() {
        return iouLoss;
    }

    public SettingField learningRate() {
        return learningRate;
    }

    public SettingField weightDecay() {
        return weightDecay;
    }

    public SettingField beta1() {
        return beta1;
    }

    public SettingField beta2() {
        return beta2;
    }

    public SettingField warmupSteps() {
        return warmupSteps;
    }

    public ObjectProperty<Schedule> scheduleProperty() {
        return schedule;
    }

    public SettingField batchSize() {
        return batchSize;
    }

    public SettingField epochs() {
        return epochs;
    }

    public SettingField seed() {
        return seed;
    }

    public SettingField patience() {
        return patience;
    }
}

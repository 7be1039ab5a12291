package org.meander.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meander.train.PromptType;
import org.meander.train.TrainingConfig;

/** The training form checks every change with TrainingConfig's own rules, and marks the field a problem names. */
class TrainingFormTest {

    @Test
    void startsWithTheSeedsDefaults() {
        TrainingForm form = new TrainingForm();
        assertEquals(TrainingConfig.defaults(), form.configProperty().get());
        assertEquals("7e-6", form.learningRate().textProperty().get(), "written as a person types it");
        assertTrue(form.problems().isEmpty());
    }

    @Test
    void textThatIsNotANumberIsTheFormsProblem() {
        TrainingForm form = new TrainingForm();
        form.epochs().textProperty().set("2.5");
        assertNull(form.configProperty().get());
        assertEquals("Epochs: '2.5' is not a whole number", form.epochs().problemProperty().get(),
                "in the form's words, not config.json's");
        form.epochs().textProperty().set(" 12 ");
        assertEquals(12, form.configProperty().get().epochs(), "spaces around a number are fine");
        assertEquals("", form.epochs().problemProperty().get());
    }

    @Test
    void everyOtherRuleIsTrainingConfigs() {
        TrainingForm form = new TrainingForm();
        form.beta2().textProperty().set("1");
        assertNull(form.configProperty().get());
        assertEquals("Beta 1 and Beta 2 must lie in [0, 1)", form.beta2().problemProperty().get());
        assertEquals(List.of("Beta 1 and Beta 2 must lie in [0, 1)"), form.problems());
        assertEquals("Beta 1 and Beta 2 must lie in [0, 1)", form.beta1().problemProperty().get(),
                "a problem marks every field it names");
        assertEquals("", form.learningRate().problemProperty().get());

        form.beta2().textProperty().set("0.99");
        form.positivePoints().textProperty().set("0");
        form.negativePoints().textProperty().set("0");
        assertEquals("point prompts need at least one positive or negative point", form.problems().get(0));
        form.promptTypeProperty().set(PromptType.BOX);
        assertTrue(form.problems().isEmpty(), "box prompts need no points: " + form.problems());
        assertEquals(0, form.configProperty().get().positivePoints());
    }

    @Test
    void aProblemMarksOnlyTheSettingsItIsAbout() {
        TrainingForm form = new TrainingForm();
        form.patience().textProperty().set("-1");
        assertEquals(List.of("Patience must be 0 (never stop early) or more"), form.problems());
        assertEquals("", form.epochs().problemProperty().get());
    }

    @Test
    void loadsAPastRunsSettings() {
        TrainingForm form = new TrainingForm();
        TrainingConfig past = TrainingConfig.defaults().withEpochs(7).withBatchSize(3);
        form.load(past);
        assertEquals(past, form.configProperty().get());
    }
}

package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.meander.project.LabelMask;
import org.meander.sam.Box;
import org.meander.sam.Prompt;

class PromptDrawerTest {

    /** A 64 x 64 label with a vertical band of river. */
    private static LabelMask band() {
        byte[] pixels = new byte[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 20; x < 40; x++) {
                pixels[y * 64 + x] = 1;
            }
        }
        return new LabelMask(64, 64, pixels);
    }

    private static TrainingConfig config(PromptType type, PointFeeding feeding) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(type, 3, 2, false, 4, feeding, d.outputHandling(), d.loss(), d.iouLoss(),
                d.learningRate(), d.weightDecay(), d.beta1(), d.beta2(), d.warmupSteps(), d.schedule(),
                d.batchSize(), d.epochs(), d.seed(), d.patience());
    }

    private static List<Prompt> draw(PromptType type, PointFeeding feeding) {
        return new PromptDrawer(config(type, feeding)).draw(band(), new SplittableRandom(1));
    }

    @Test
    void pointsOnePerPromptMakeAPointBatch() {
        List<Prompt> prompts = draw(PromptType.POINTS, PointFeeding.ONE_PER_PROMPT);
        assertEquals(5, prompts.size());
        prompts.forEach(p -> {
            assertEquals(1, p.points().size());
            assertNull(p.box());
        });
        assertEquals(1, prompts.get(0).points().get(0).label(), "positives first");
        assertEquals(0, prompts.get(4).points().get(0).label());
    }

    @Test
    void pointsTogetherMakeOnePrompt() {
        List<Prompt> prompts = draw(PromptType.POINTS, PointFeeding.TOGETHER);
        assertEquals(1, prompts.size());
        assertEquals(5, prompts.get(0).points().size());
    }

    @Test
    void boxAndPointsShareTheBox() {
        List<Prompt> prompts = draw(PromptType.BOX_AND_POINTS, PointFeeding.ONE_PER_PROMPT);
        assertEquals(5, prompts.size());
        Box box = prompts.get(0).box();
        assertNotNull(box);
        prompts.forEach(p -> assertEquals(box, p.box()));
    }

    @Test
    void anEmptyLabelGetsTheWholeTileAsItsBox() {
        List<Prompt> prompts = new PromptDrawer(config(PromptType.BOX, PointFeeding.TOGETHER))
                .draw(new LabelMask(64, 32, new byte[64 * 32]), new SplittableRandom(1));
        assertEquals(new Box(0, 0, 63, 31), prompts.get(0).box());
    }
}

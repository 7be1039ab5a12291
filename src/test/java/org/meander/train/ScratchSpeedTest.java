package org.meander.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meander.sam.Box;
import org.meander.sam.ImageEmbedding;
import org.meander.sam.ImageSize;
import org.meander.sam.Prompt;
import org.meander.sam.SamConfig;
import org.meander.sam.SamModel;

class ScratchSpeedTest {
    @Test
    void speed() {
        try (SamModel sam = SamModel.random(SamConfig.vitBase(), 42)) {
            Random r = new Random(1);
            float[] v = new float[256 * 64 * 64];
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            ImageSize size = new ImageSize(1024, 1024);
            ImageEmbedding e = new ImageEmbedding(v, 256, 64, size, size);
            float[] t = new float[65536];
            for (int i = 0; i < t.length; i++) t[i] = (i / 256 - i % 256) < 30 ? 1 : 0;
            List<TrainingExample> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) batch.add(new TrainingExample("t" + i, e, List.of(Prompt.of(new Box(300, 200, 700, 800))), t));
            DecoderParameters params = DecoderParameters.of(sam);
            params.requireGradients();
            DecoderForward fwd = new DecoderForward(sam);
            LossSettings loss = new LossSettings(LossFunction.DICE_CE, OutputHandling.SINGLE, false);
            for (int rep = 0; rep < 4; rep++) {
                long t0 = System.nanoTime();
                try (NoGradient off = NoGradient.enter(); NDManager s = sam.manager().newSubManager()) {
                    loss.compute(fwd.run(s, batch, false)).getFloat();
                }
                long t1 = System.nanoTime();
                long t2, t3;
                try (NDManager s = sam.manager().newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray l = loss.compute(fwd.run(s, batch, false));
                    l.getFloat();
                    t2 = System.nanoTime();
                    c.backward(l);
                    t3 = System.nanoTime();
                }
                if (rep == 2) ai.djl.pytorch.jni.JniUtils.stopProfile("/tmp/scratch/trace.json");
                if (rep == 1) ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
                System.out.printf("SPEED fwd-nograd %.2f s, fwd-grad %.2f s, backward %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            }
        }
    }
}

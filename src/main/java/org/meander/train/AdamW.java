package org.meander.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW} computes it: weight decay decoupled from the gradient, bias
 * correction by each parameter's own step count, and a parameter that received no gradient left untouched. The
 * moments live on the parameters' device.
 */
public final class AdamW implements AutoCloseable {

    private final Map<String, NDArray> parameters;
    private final AdamWSettings settings;
    private final NDManager stateManager;
    private final Map<String, Moments> moments = new LinkedHashMap<>();

    public AdamW(Map<String, NDArray> parameters, AdamWSettings settings, NDManager parent) {
        this.parameters = parameters;
        this.settings = settings;
        this.stateManager = parent.newSubManager();
    }

    /** One update with learning rate {@code lr} from the gradients of the parameters that received one. */
    public void step(double lr, Map<String, NDArray> gradients) {
        // moments are created outside the scope, which closes every array made inside it
        gradients.keySet().forEach(name -> moments.computeIfAbsent(name,
                n -> Moments.zeros(stateManager, parameters.get(n))));
        try (NDScope scope = new NDScope()) {
            gradients.forEach((name, gradient) -> update(name, parameters.get(name), gradient, lr));
        }
    }

    private void update(String name, NDArray parameter, NDArray gradient, double lr) {
        Moments m = moments.get(name);
        m.step++;
        parameter.muli(1 - lr * settings.weightDecay());
        // exp_avg.lerp_(grad, 1 - beta1); exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        m.expAvg.addi(gradient.sub(m.expAvg).muli(1 - settings.beta1()));
        m.expAvgSq.muli(settings.beta2()).addi(gradient.mul(gradient).muli(1 - settings.beta2()));
        double biasCorrection1 = 1 - Math.pow(settings.beta1(), m.step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(settings.beta2(), m.step));
        NDArray denominator = m.expAvgSq.sqrt().divi(biasCorrection2Sqrt).addi(settings.epsilon());
        parameter.subi(m.expAvg.div(denominator).muli(lr / biasCorrection1));
    }

    /** The optimizer state, for a checkpoint: per parameter its step count and both moments. */
    public Map<String, AdamWState> state() {
        Map<String, AdamWState> state = new LinkedHashMap<>();
        moments.forEach((name, m) ->
                state.put(name, new AdamWState(m.step, m.expAvg.toFloatArray(), m.expAvgSq.toFloatArray())));
        return state;
    }

    /** Restores a state that {@link #state} returned; parameters absent from it start afresh. */
    public void restore(Map<String, AdamWState> state) {
        moments.values().forEach(Moments::close);
        moments.clear();
        state.forEach((name, s) -> {
            NDArray parameter = parameters.get(name);
            if (parameter == null) {
                throw new IllegalArgumentException("optimizer state for " + name
                        + ", which is not a trained parameter");
            }
            if (s.expAvg().length != parameter.size() || s.expAvgSq().length != parameter.size()) {
                throw new IllegalArgumentException("optimizer state for " + name + " has the wrong size");
            }
            Moments m = new Moments(stateManager.create(s.expAvg(), parameter.getShape()),
                    stateManager.create(s.expAvgSq(), parameter.getShape()));
            m.step = s.step();
            moments.put(name, m);
        });
    }

    @Override
    public void close() {
        stateManager.close();
    }

    private static final class Moments {
        final NDArray expAvg;
        final NDArray expAvgSq;
        long step;

        Moments(NDArray expAvg, NDArray expAvgSq) {
            this.expAvg = expAvg;
            this.expAvgSq = expAvgSq;
        }

        static Moments zeros(NDManager manager, NDArray like) {
            return new Moments(manager.zeros(like.getShape()), manager.zeros(like.getShape()));
        }

        void close() {
            expAvg.close();
            expAvgSq.close();
        }
    }
}

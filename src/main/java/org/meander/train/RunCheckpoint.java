package org.meander.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meander.weights.FloatTensor;
import org.meander.weights.JsonProblem;
import org.meander.weights.SafetensorsFile;
import org.meander.weights.SafetensorsWriter;
import org.meander.weights.TensorDtype;

/**
 * A checkpoint of a run, one safetensors file: the decoder's weights under their Hugging Face names, AdamW's
 * moments under {@code optimizer.exp_avg.<name>} and {@code optimizer.exp_avg_sq.<name>}, and in the metadata the
 * {@link RunState} and each parameter's optimizer step count. Written atomically.
 */
public record RunCheckpoint(Map<String, float[]> decoder, Map<String, AdamWState> optimizer, RunState state) {

    private static final String EXP_AVG = "optimizer.exp_avg.";
    private static final String EXP_AVG_SQ = "optimizer.exp_avg_sq.";
    private static final String STATE_KEY = "meander.run_state";
    private static final String STEPS_KEY = "meander.optimizer_steps";

    public void write(Path file, Map<String, long[]> shapes) throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        decoder.forEach((name, values) -> tensors.put(name, new FloatTensor(shapes.get(name), values)));
        Map<String, Long> steps = new LinkedHashMap<>();
        optimizer.forEach((name, s) -> {
            tensors.put(EXP_AVG + name, new FloatTensor(shapes.get(name), s.expAvg()));
            tensors.put(EXP_AVG_SQ + name, new FloatTensor(shapes.get(name), s.expAvgSq()));
            steps.put(name, s.step());
        });
        ObjectMapper mapper = TrainingConfig.mapper();
        Map<String, String> metadata = Map.of(
                STATE_KEY, mapper.writeValueAsString(state),
                STEPS_KEY, mapper.writeValueAsString(steps));
        SafetensorsWriter.write(file, tensors, metadata, TensorDtype.F32);
    }

    public static RunCheckpoint read(Path file) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            String stateJson = st.metadata().get(STATE_KEY);
            String stepsJson = st.metadata().get(STEPS_KEY);
            if (stateJson == null || stepsJson == null) {
                throw new IOException(file + ": not a Meander run checkpoint (no " + STATE_KEY + " metadata)");
            }
            ObjectMapper mapper = TrainingConfig.mapper();
            RunState state = mapper.readValue(stateJson, RunState.class);
            Map<String, Long> steps = mapper.readValue(stepsJson,
                    mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Long.class));
            Map<String, float[]> decoder = new LinkedHashMap<>();
            for (String name : st.names()) {
                if (!name.startsWith("optimizer.")) {
                    decoder.put(name, st.readFloats(name));
                }
            }
            Map<String, AdamWState> optimizer = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : steps.entrySet()) {
                optimizer.put(e.getKey(), new AdamWState(e.getValue(), st.readFloats(EXP_AVG + e.getKey()),
                        st.readFloats(EXP_AVG_SQ + e.getKey())));
            }
            return new RunCheckpoint(decoder, optimizer, state);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": damaged run state: " + JsonProblem.describe(e), e);
        }
    }
}

package org.meander.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CheckpointKindTest {

    private final ObjectMapper mapper = TrainingConfig.mapper();

    @Test
    void writtenAsTheOptionNamesIt() throws IOException {
        assertEquals("{\"run\":\"r1\",\"checkpoint\":\"last\"}",
                mapper.writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new RunDecoder("r1", CheckpointKind.LAST)));
    }

    @Test
    void readAsWrittenNowAndAsRunFilesHeldItBefore() throws IOException {
        assertEquals(new RunDecoder("r1", CheckpointKind.LAST),
                mapper.readValue("{\"run\":\"r1\",\"checkpoint\":\"last\"}", RunDecoder.class));
        assertEquals(new RunDecoder("r1", CheckpointKind.BEST),
                mapper.readValue("{\"run\":\"r1\",\"checkpoint\":\"BEST\"}", RunDecoder.class));
    }
}

package org.meander.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meander.sam.SamModel;
import org.meander.testing.Fixtures;

/**
 * A model loaded without its vision encoder takes the fingerprint this process hashed from the same files, without
 * reading the encoder's weights; files changed since, or changed just before the hashing, are hashed anew. The
 * tests prove which happened by changing an encoder weight behind the time stamp's back.
 */
class FingerprintMemoTest {

    private static final String ENCODER_TENSOR = "vision_encoder.neck.conv1.weight";

    @TempDir
    Path dir;

    @Test
    void aModelLoadedWholeBeforeLendsItsFingerprint() throws IOException {
        Path model = copyOfTinyModel("settled", Instant.now().minus(1, ChronoUnit.HOURS));
        String whole = fingerprintOf(SamLoader.load(model));

        FileTime stamp = Files.getLastModifiedTime(weights(model));
        changeAnEncoderWeight(model);
        Files.setLastModifiedTime(weights(model), stamp);
        assertEquals(whole, fingerprintOf(SamLoader.loadWithoutVisionEncoder(model)),
                "same files by size and time stamp: the encoder is not read again");

        Files.setLastModifiedTime(weights(model), FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));
        assertNotEquals(whole, fingerprintOf(SamLoader.loadWithoutVisionEncoder(model)),
                "a file with another time stamp is hashed anew");
    }

    @Test
    void filesChangedJustBeforeTheHashingAreNotRemembered() throws IOException {
        Path model = copyOfTinyModel("fresh", Instant.now());
        String whole = fingerprintOf(SamLoader.load(model));

        FileTime stamp = Files.getLastModifiedTime(weights(model));
        changeAnEncoderWeight(model);
        Files.setLastModifiedTime(weights(model), stamp);
        assertNotEquals(whole, fingerprintOf(SamLoader.loadWithoutVisionEncoder(model)));
    }

    private Path copyOfTinyModel(String name, Instant modified) throws IOException {
        Path model = Files.createDirectories(dir.resolve(name));
        for (String file : new String[] {"config.json", Checkpoint.SINGLE_FILE}) {
            Files.copy(Fixtures.model("tiny").resolve(file), model.resolve(file));
            Files.setLastModifiedTime(model.resolve(file), FileTime.from(modified));
        }
        return model;
    }

    private static Path weights(Path model) {
        return model.resolve(Checkpoint.SINGLE_FILE);
    }

    /** Adds 1 to the first value of an encoder tensor, in place: the file keeps its size. */
    private static void changeAnEncoderWeight(Path model) throws IOException {
        TensorInfo info;
        try (SafetensorsFile file = SafetensorsFile.open(weights(model))) {
            info = file.info(ENCODER_TENSOR);
        }
        assertEquals(TensorDtype.F32, info.dtype());
        try (FileChannel channel = FileChannel.open(weights(model), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer headerLength = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(headerLength, 0);
            long at = 8 + headerLength.flip().getLong() + info.begin();
            ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(value, at);
            float changed = value.flip().getFloat() + 1;
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, changed), at);
        }
    }

    private static String fingerprintOf(SamModel model) {
        try (model) {
            return model.encoderFingerprint();
        }
    }
}

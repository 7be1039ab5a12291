package org.meander.project.raster.tiff;

import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferDouble;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferUShort;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The kinds of sample Meander's own TIFF reader decodes, each held in the Java array of its width: 8- and 16-bit
 * unsigned integers in byte and short arrays, 32- and 64-bit IEEE floating-point numbers in float and double arrays.
 * A block's samples and a window's raster are arrays of the same kind, so that samples are copied between them as
 * they are.
 */
enum SampleType {
    UNSIGNED_8(1, DataBuffer.TYPE_BYTE), UNSIGNED_16(2, DataBuffer.TYPE_USHORT),
    FLOAT_32(4, DataBuffer.TYPE_FLOAT), FLOAT_64(8, DataBuffer.TYPE_DOUBLE);

    private static final int UNSIGNED = 1;
    private static final int IEEE_FLOAT = 3;

    private final int bytes;
    private final int dataType;

    SampleType(int bytes, int dataType) {
        this.bytes = bytes;
        this.dataType = dataType;
    }

    /** The type of TIFF's SampleFormat (field 339) and BitsPerSample, or null for one this reader does not decode. */
    static SampleType of(int sampleFormat, int bits) {
        for (SampleType type : values()) {
            if (sampleFormat == (type.floatingPoint() ? IEEE_FLOAT : UNSIGNED) && bits == type.bytes * 8) {
                return type;
            }
        }
        return null;
    }

    int bytes() {
        return bytes;
    }

    /** The DataBuffer type of a raster of these samples. */
    int dataType() {
        return dataType;
    }

    boolean floatingPoint() {
        return this == FLOAT_32 || this == FLOAT_64;
    }

    /** The first {@code count} samples of the bytes, each {@link #bytes()} long in that order; 8-bit: the bytes. */
    Object samples(byte[] raw, int count, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(raw, 0, count * bytes).order(order);
        return switch (this) {
            case UNSIGNED_8 -> raw;
            case UNSIGNED_16 -> {
                short[] samples = new short[count];
                buffer.asShortBuffer().get(samples);
                yield samples;
            }
            case FLOAT_32 -> {
                float[] samples = new float[count];
                buffer.asFloatBuffer().get(samples);
                yield samples;
            }
            case FLOAT_64 -> {
                double[] samples = new double[count];
                buffer.asDoubleBuffer().get(samples);
                yield samples;
            }
        };
    }

    /** The array behind a raster's buffer of {@link #dataType()}. */
    Object array(DataBuffer buffer) {
        return switch (this) {
            case UNSIGNED_8 -> ((DataBufferByte) buffer).getData();
            case UNSIGNED_16 -> ((DataBufferUShort) buffer).getData();
            case FLOAT_32 -> ((DataBufferFloat) buffer).getData();
            case FLOAT_64 -> ((DataBufferDouble) buffer).getData();
        };
    }
}

package org.meander.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's gradient recording off on this thread until closed. Recording is per thread and on by default,
 * and the decoder's parameters require gradients while a run trains, so evaluation would otherwise build a graph.
 */
final class NoGradient implements AutoCloseable {

    private final boolean wasRecording;

    private NoGradient() {
        wasRecording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    static NoGradient enter() {
        return new NoGradient();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(wasRecording);
    }
}

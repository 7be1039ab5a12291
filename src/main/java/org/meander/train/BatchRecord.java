package org.meander.train;

/** One optimizer step: its number (from 1), epoch (from 1), loss before the update and learning rate. */
public record BatchRecord(long step, int epoch, double loss, double learningRate) {
}

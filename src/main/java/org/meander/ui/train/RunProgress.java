package org.meander.ui.train;

/**
 * Where a running run stands.
 *
 * @param phase what it does now, in words: computing embeddings, an epoch's batch, validating
 * @param run fraction of the whole run done, 0 to 1
 * @param epoch fraction of the current phase done (the epoch's batches, validation, or embeddings), 0 to 1
 * @param samplesPerSecond recent training throughput, NaN until the first batch
 * @param secondsLeft estimated time to the last epoch's end, NaN until the first batch
 */
record RunProgress(String phase, double run, double epoch, double samplesPerSecond, double secondsLeft) {
}

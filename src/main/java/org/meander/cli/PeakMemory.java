package org.meander.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** The JVM's peak heap and the process's peak resident memory since {@link #reset}. */
final class PeakMemory {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    static void reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(CLEAR_REFS, "5"); // Linux: resets the peak resident size (VmHWM)
        } catch (IOException | UnsupportedOperationException e) {
            // elsewhere the peak counts from the start of the process: larger, still an upper bound
        }
    }

    /** The sum of each heap pool's peak: an upper bound, as the pools need not peak together. */
    static long heapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / 1_000_000;
    }

    /** VmHWM from /proc/self/status, or -1 where there is none. */
    static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1000;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}

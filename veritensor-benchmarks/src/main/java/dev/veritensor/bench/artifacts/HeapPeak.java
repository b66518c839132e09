package dev.veritensor.bench.artifacts;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak occupancy of this JVM's old-generation heap pool so far — what survived collections,
 * i.e. what the scanner retained — for benchmark reports.
 */
public final class HeapPeak {

    private HeapPeak() {
    }

    /** The peak old-generation occupancy and the maximum heap, as one line. */
    public static String report() {
        long peak = 0;
        String pools = "";
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
                pools = pool.getName();
            }
        }
        return String.format("peak %s %.1f MiB, maximum heap %d MiB", pools, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}

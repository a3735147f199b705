package io.directiverules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak heap in use during a phase, sampled every few milliseconds by a daemon thread (a sample can miss
 * a peak between two samples by little: the heap grows by allocation, not in jumps).
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** Collects garbage, then starts sampling. */
    HeapSampler() {
        System.gc();
        peak.set(used());
        thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The peak so far, in bytes. */
    long peak() {
        return Math.max(peak.accumulateAndGet(used(), Math::max), 0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

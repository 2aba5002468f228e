package io.freshet.benchmarks.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/** The consumer side shared by the shuffle contenders: a thread, its progress, and waiting for it. */
abstract class ShuffleConsumerThread implements Runnable {

    private static final VarHandle CONSUMED;
    private static final VarHandle CHECKSUM;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONSUMED = lookup.findVarHandle(ShuffleConsumerThread.class, "consumed", long.class);
            CHECKSUM = lookup.findVarHandle(ShuffleConsumerThread.class, "checksum", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;
    volatile long consumed;
    volatile long checksum;
    volatile Throwable failure;

    ShuffleConsumerThread(String name) {
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /** Publishes progress with release stores: cheap enough per record (a plain store on x86). */
    final void publish(long sum, long count) {
        CHECKSUM.setRelease(this, sum);
        CONSUMED.setRelease(this, count);
    }

    /** Waits (spinning: the benchmark measures throughput, not idle time) until {@code produced} records arrived. */
    void awaitConsumed(long produced) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (consumed < produced) {
            if (failure != null) {
                throw new IllegalStateException("the consumer failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consumer read " + consumed + " of " + produced + " records");
            }
            Thread.onSpinWait();
        }
    }
}

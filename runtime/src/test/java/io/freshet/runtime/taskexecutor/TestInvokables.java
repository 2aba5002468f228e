package io.freshet.runtime.taskexecutor;

import java.util.concurrent.CountDownLatch;

import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;

/** Invokables for TaskExecutor tests, loaded by name through the job's class loader (the test class path). */
final class TestInvokables {

    /** Counted down when a blocking invokable runs; tests wait on it. Reset per test. */
    static volatile CountDownLatch running = new CountDownLatch(1);
    /** Lets {@link InterruptIgnoringInvokable} end. Reset per test. */
    static volatile CountDownLatch release = new CountDownLatch(1);

    private TestInvokables() {}

    static void reset() {
        running = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Returns at once. */
    public static final class FinishingInvokable extends AbstractInvokable {
        public FinishingInvokable(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {}
    }

    /** Throws an exception with a recognisable message. */
    public static final class FailingInvokable extends AbstractInvokable {
        static final String MESSAGE = "the test invokable failed on purpose";

        public FailingInvokable(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {
            throw new IllegalStateException(MESSAGE);
        }
    }

    /** Blocks until interrupted (cancellation interrupts it). */
    public static final class BlockingInvokable extends AbstractInvokable {
        public BlockingInvokable(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws InterruptedException {
            running.countDown();
            new CountDownLatch(1).await();
        }
    }

    /** Ignores interrupts and cancel() until {@link #release} is counted down. */
    public static final class InterruptIgnoringInvokable extends AbstractInvokable {
        public InterruptIgnoringInvokable(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {
            running.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // this invokable does not want to stop
                }
            }
        }
    }
}

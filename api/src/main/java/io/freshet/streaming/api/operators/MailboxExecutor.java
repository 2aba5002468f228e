package io.freshet.streaming.api.operators;

/**
 * The task thread's mailbox: other threads hand actions to the task thread ({@link #execute}); the task thread runs
 * them between records, and an operator that must wait for one (an async operator at its capacity, or finishing)
 * runs them while it waits ({@link #awaitAndRunOne}).
 */
public interface MailboxExecutor {

    /** An action for the task thread; it may throw, which fails the task. */
    @FunctionalInterface
    interface Mail {
        void run() throws Exception;
    }

    /** Queues {@code mail} for the task thread; callable from any thread. */
    void execute(Mail mail, String description);

    /**
     * Task thread only: runs one queued action, or a due timer, waiting for one if there is none; returns after
     * running at least one.
     */
    void awaitAndRunOne() throws Exception;
}

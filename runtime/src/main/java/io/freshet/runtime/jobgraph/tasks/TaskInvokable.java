package io.freshet.runtime.jobgraph.tasks;

/**
 * The code a {@code Task} runs: one instance per execution attempt, created by the TaskExecutor through the job's
 * user-code class loader and a constructor taking an {@link io.freshet.runtime.execution.Environment}.
 *
 * <h2>Lifecycle law</h2>
 * The task thread calls {@link #restore()} (state restore, operator setup; the task is INITIALIZING), then
 * {@link #invoke()} (the work; the task is RUNNING), then, whatever happened, {@link #cleanUp(Throwable)} with the
 * failure of restore or invoke, or null. Returning normally from {@code invoke()} means the task FINISHED; throwing
 * means it FAILED, unless it was being cancelled, in which case it is CANCELED.
 *
 * <p>Cancellation comes from another thread: {@link #cancel()} asks the invokable to stop (it must make
 * {@code invoke()} return or throw soon), and {@link #maybeInterruptOnCancel} is called, once right away and then
 * every {@code task.cancellation.interval}, so that the invokable may interrupt its thread out of blocking calls.
 */
public interface TaskInvokable {

    /** Does the work of the task. Runs in the task thread, after {@link #restore()}. */
    void invoke() throws Exception;

    /** Restores state and prepares {@link #invoke()}. Runs in the task thread, first. */
    void restore() throws Exception;

    /**
     * Releases what restore and invoke acquired; always called last in the task thread.
     *
     * @param throwable the failure of restore or invoke, or null if they succeeded
     */
    void cleanUp(Throwable throwable) throws Exception;

    /** Asks the invokable to stop soon. Called from a thread other than the task thread; must not block. */
    void cancel() throws Exception;

    /** Whether the invokable reads its inputs without blocking (a mailbox loop) and so needs no interrupt. */
    boolean isUsingNonBlockingInput();

    /**
     * Interrupts {@code toInterrupt} (the task thread) if this invokable wants to be interrupted on cancellation.
     *
     * @param taskName the task's name for log messages, may be null
     * @param timeout how long the cancellation has been going on in milliseconds, may be null
     */
    void maybeInterruptOnCancel(Thread toInterrupt, String taskName, Long timeout);
}

package io.freshet.streaming.runtime.tasks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.freshet.streaming.api.operators.MailboxExecutor;

/**
 * The mailbox of one stream task: actions queued by other threads (completed async requests), run by the task thread
 * between records ({@link #runAll}) or while an operator waits ({@link #awaitAndRunOne}); due timers count as
 * something to run, so an operator waiting for a result still sees its timeouts.
 */
final class TaskMailbox implements MailboxExecutor {

    private final ConcurrentLinkedQueue<Mail> mails = new ConcurrentLinkedQueue<>();
    private final TaskProcessingTimeService timeService;
    private volatile CompletableFuture<Void> arrived = new CompletableFuture<>();

    TaskMailbox(TaskProcessingTimeService timeService) {
        this.timeService = timeService;
    }

    @Override
    public void execute(Mail mail, String description) {
        mails.add(mail);
        arrived.complete(null);
    }

    /** Completes when mail arrives (a fresh future after each {@link #runAll}). */
    CompletableFuture<Void> arrivedFuture() {
        return arrived;
    }

    boolean hasMail() {
        return !mails.isEmpty();
    }

    /** Runs every queued action; task thread only. */
    void runAll() throws Exception {
        if (mails.isEmpty()) {
            return;
        }
        arrived = new CompletableFuture<>();
        Mail mail;
        while ((mail = mails.poll()) != null) {
            mail.run();
        }
    }

    @Override
    public void awaitAndRunOne() throws Exception {
        while (true) {
            CompletableFuture<Void> waitFor = arrived;
            Mail mail = mails.poll();
            if (mail != null) {
                mail.run();
                return;
            }
            if (timeService.isDue()) {
                timeService.fireDueTimers();
                return;
            }
            try {
                CompletableFuture.anyOf(waitFor, timeService.dueFuture()).get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again
            }
            if (mails.isEmpty()) {
                // a spurious wake-up, or the future of an earlier round: arm a fresh one before waiting again
                if (waitFor.isDone()) {
                    arrived = new CompletableFuture<>();
                    if (!mails.isEmpty()) {
                        arrived.complete(null);
                    }
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while waiting for the mailbox (the task is being cancelled)");
            }
        }
    }
}

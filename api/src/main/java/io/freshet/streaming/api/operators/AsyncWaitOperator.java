package io.freshet.streaming.api.operators;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import io.freshet.streaming.api.functions.async.AsyncFunction;
import io.freshet.streaming.api.functions.async.ResultFuture;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs an {@link AsyncFunction}: each input starts a request; at most {@code capacity} are in flight (the task
 * thread then works its mailbox until one completes, which is backpressure upstream). Completions arrive from any
 * thread and are handed to the task thread through the mailbox, where their results are emitted with the input's
 * timestamp: in input order (ordered), or as they complete (unordered; a watermark waits for the requests before it).
 * A request not completed within the timeout goes to {@link AsyncFunction#timeout}. When the input ends, every
 * request is waited for. Results and failures of one request count once.
 */
public class AsyncWaitOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, AsyncFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    private final long timeoutMillis;
    private final int capacity;
    private final boolean ordered;

    /** Requests and watermarks in arrival order. */
    private transient ArrayDeque<Entry> queue;
    private transient int inFlight;
    private transient StreamRecord<OUT> reuse;

    public AsyncWaitOperator(AsyncFunction<IN, OUT> asyncFunction, long timeoutMillis, int capacity, boolean ordered) {
        super(asyncFunction);
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
        this.ordered = ordered;
        // a chained legacy source would wait for completions in its own thread, holding the lock timers need
        this.chainingStrategy = ChainingStrategy.HEAD;
    }

    @Override
    public void open() throws Exception {
        super.open();
        queue = new ArrayDeque<>();
        inFlight = 0;
        reuse = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        while (inFlight >= capacity) {
            getMailboxExecutor().awaitAndRunOne();
        }
        Entry entry = new Entry(element.getValue(), element.hasTimestamp(), element.getTimestamp());
        queue.add(entry);
        inFlight++;
        if (timeoutMillis > 0) {
            ProcessingTimeService time = getProcessingTimeService();
            entry.timer = time.registerTimer(time.getCurrentProcessingTime() + timeoutMillis, now -> {
                if (!entry.completed && !entry.timedOut) {
                    entry.timedOut = true;
                    userFunction.timeout(entry.input, entry);
                }
            });
        }
        userFunction.asyncInvoke(entry.input, entry);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (queue.isEmpty()) {
            super.processWatermark(mark);
            return;
        }
        Entry entry = new Entry(null, false, 0);
        entry.watermark = mark;
        entry.completed = true;
        queue.add(entry);
        emitCompleted();
    }

    @Override
    public void finish() throws Exception {
        while (!queue.isEmpty()) {
            getMailboxExecutor().awaitAndRunOne();
        }
        super.finish();
    }

    /** Task thread: a request completed (its results, or its failure, which fails the task). */
    private void onCompletion(Entry entry) throws Exception {
        if (entry.timer != null) {
            entry.timer.cancel();
        }
        inFlight--;
        if (entry.failure != null) {
            throw new Exception("The async function failed for input " + entry.input + ": " + entry.failure,
                    entry.failure);
        }
        emitCompleted();
    }

    /**
     * Emits what may go out: ordered, the completed entries at the head of the queue; unordered, every completed
     * request before the first pending watermark, and that watermark once nothing before it is pending.
     */
    private void emitCompleted() throws Exception {
        if (ordered) {
            while (!queue.isEmpty() && queue.peek().completed) {
                emit(queue.poll());
            }
            return;
        }
        boolean pendingBefore = false;
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.watermark != null) {
                if (pendingBefore) {
                    return;
                }
                it.remove();
                emit(entry);
            } else if (entry.completed) {
                it.remove();
                emit(entry);
            } else {
                pendingBefore = true;
            }
        }
    }

    private void emit(Entry entry) throws Exception {
        if (entry.watermark != null) {
            super.processWatermark(entry.watermark);
            return;
        }
        if (entry.results == null) {
            return;
        }
        for (OUT result : entry.results) {
            if (entry.hasTimestamp) {
                output.collect(reuse.replace(result, entry.timestamp));
            } else {
                reuse.eraseTimestamp();
                output.collect(reuse.replace(result));
            }
        }
    }

    /** One request: its input, and its result handed over to the task thread exactly once. */
    private final class Entry implements ResultFuture<OUT> {
        final IN input;
        final boolean hasTimestamp;
        final long timestamp;
        Watermark watermark;
        ProcessingTimeService.Cancellable timer;
        /** Task-thread fields. */
        boolean completed;
        boolean timedOut;
        Collection<OUT> results;
        Throwable failure;
        /** Set by the first completion, from any thread. */
        private final java.util.concurrent.atomic.AtomicBoolean handedOver =
                new java.util.concurrent.atomic.AtomicBoolean();

        Entry(IN input, boolean hasTimestamp, long timestamp) {
            this.input = input;
            this.hasTimestamp = hasTimestamp;
            this.timestamp = timestamp;
        }

        @Override
        public void complete(Collection<OUT> result) {
            if (handedOver.compareAndSet(false, true)) {
                List<OUT> copy = result == null ? List.of() : List.copyOf(result);
                getMailboxExecutor().execute(() -> {
                    results = copy;
                    completed = true;
                    onCompletion(this);
                }, "async result");
            }
        }

        @Override
        public void completeExceptionally(Throwable error) {
            if (handedOver.compareAndSet(false, true)) {
                getMailboxExecutor().execute(() -> {
                    failure = error;
                    completed = true;
                    onCompletion(this);
                }, "async failure");
            }
        }
    }
}

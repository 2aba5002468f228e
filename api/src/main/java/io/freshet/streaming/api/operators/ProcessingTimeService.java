package io.freshet.streaming.api.operators;

/**
 * Processing time for operators: the wall clock, and callbacks at a time, run in the operator's task thread between
 * records (never concurrently with {@code processElement}).
 */
public interface ProcessingTimeService {

    /** The current processing time, epoch milliseconds. */
    long getCurrentProcessingTime();

    /** Runs {@code callback} in the task thread once the processing time reaches {@code timestamp}. */
    Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** What a timer runs. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }

    /** A registered timer. */
    interface Cancellable {
        void cancel();
    }
}

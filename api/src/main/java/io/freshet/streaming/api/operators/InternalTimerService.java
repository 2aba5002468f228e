package io.freshet.streaming.api.operators;

import java.util.HashSet;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The timers of one keyed operator: event-time timers fire when the watermark reaches them, processing-time timers
 * when the wall clock does; each fires with its key set as the current key, in timestamp order. A (time, key) pair is
 * one timer however often it is registered. Confined to the task thread.
 *
 * <p>Registering is cheap when the timer exists: a lookup that allocates nothing, and for a repetition of the
 * previous registration in the same domain with the very same key object (an operator registering the same timer
 * twice for one record) not even a lookup. That shortcut remembers one (time, key) per domain and forgets it as soon
 * as a timer of the domain fires or is deleted, so it never claims a timer that is gone.
 */
public final class InternalTimerService<K> {

    /** What the operator does when a timer fires. */
    public interface Triggerable<K> {
        void onEventTime(InternalTimer<K> timer) throws Exception;

        void onProcessingTime(InternalTimer<K> timer) throws Exception;
    }

    /** A timer: when, and for which key. */
    public static final class InternalTimer<K> implements Comparable<InternalTimer<K>> {
        private long timestamp;
        private K key;

        InternalTimer(long timestamp, K key) {
            this.timestamp = timestamp;
            this.key = key;
        }

        public long getTimestamp() {
            return timestamp;
        }

        public K getKey() {
            return key;
        }

        @Override
        public int compareTo(InternalTimer<K> other) {
            return Long.compare(timestamp, other.timestamp);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InternalTimer && ((InternalTimer<?>) o).timestamp == timestamp
                    && Objects.equals(((InternalTimer<?>) o).key, key);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timestamp) * 31 + Objects.hashCode(key);
        }
    }

    private final KeyContext keyContext;
    private final ProcessingTimeService processingTimeService;
    private final Triggerable<K> triggerable;
    private final PriorityQueue<InternalTimer<K>> eventTimeTimers = new PriorityQueue<>();
    private final Set<InternalTimer<K>> eventTimeSet = new HashSet<>();
    private final PriorityQueue<InternalTimer<K>> processingTimeTimers = new PriorityQueue<>();
    private final Set<InternalTimer<K>> processingTimeSet = new HashSet<>();
    private long currentWatermark = Long.MIN_VALUE;
    private ProcessingTimeService.Cancellable nextProcessingTimer;
    private long nextProcessingTime = Long.MAX_VALUE;
    /** A reused timer to look registrations up with: registering a timer that exists allocates nothing. */
    private final InternalTimer<K> probe = new InternalTimer<>(0, null);
    /** The last event-time registration, known to be pending (null: none); compared by identity of the key. */
    private Object lastEventTimeKey;
    private long lastEventTime;
    /** The last processing-time registration, known to be pending (null: none). */
    private Object lastProcessingTimeKey;
    private long lastProcessingTime;
    private final boolean batchExecution;

    public InternalTimerService(KeyContext keyContext, ProcessingTimeService processingTimeService,
            Triggerable<K> triggerable) {
        this(keyContext, processingTimeService, triggerable, false);
    }

    /**
     * @param batchExecution BATCH execution: the input comes sorted by key, time does not pass while a key is read,
     *     and {@link #endOfKey()} fires the key's timers when its records are done
     */
    public InternalTimerService(KeyContext keyContext, ProcessingTimeService processingTimeService,
            Triggerable<K> triggerable, boolean batchExecution) {
        this.keyContext = keyContext;
        this.processingTimeService = processingTimeService;
        this.triggerable = triggerable;
        this.batchExecution = batchExecution;
    }

    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    public long currentWatermark() {
        return currentWatermark;
    }

    @SuppressWarnings("unchecked")
    private K currentKey() {
        Object key = keyContext.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("Timers need a current key: set them while processing a record of a keyed"
                    + " stream or in onTimer.");
        }
        return (K) key;
    }

    public void registerEventTimeTimer(long time) {
        K key = currentKey();
        if (key == lastEventTimeKey && time == lastEventTime) {
            return;
        }
        if (!contains(eventTimeSet, time, key)) {
            InternalTimer<K> timer = new InternalTimer<>(time, key);
            eventTimeSet.add(timer);
            eventTimeTimers.add(timer);
        }
        lastEventTimeKey = key;
        lastEventTime = time;
    }

    public void deleteEventTimeTimer(long time) {
        lastEventTimeKey = null;
        InternalTimer<K> timer = new InternalTimer<>(time, currentKey());
        if (eventTimeSet.remove(timer)) {
            eventTimeTimers.remove(timer);
        }
    }

    public void registerProcessingTimeTimer(long time) {
        K key = currentKey();
        if (key == lastProcessingTimeKey && time == lastProcessingTime) {
            return;
        }
        if (!contains(processingTimeSet, time, key)) {
            InternalTimer<K> timer = new InternalTimer<>(time, key);
            processingTimeSet.add(timer);
            processingTimeTimers.add(timer);
            if (!batchExecution && time < nextProcessingTime) {
                scheduleProcessingTimer(time);
            }
        }
        lastProcessingTimeKey = key;
        lastProcessingTime = time;
    }

    public void deleteProcessingTimeTimer(long time) {
        lastProcessingTimeKey = null;
        InternalTimer<K> timer = new InternalTimer<>(time, currentKey());
        if (processingTimeSet.remove(timer)) {
            processingTimeTimers.remove(timer);
        }
    }

    private boolean contains(Set<InternalTimer<K>> timers, long time, K key) {
        probe.timestamp = time;
        probe.key = key;
        boolean known = timers.contains(probe);
        probe.key = null;
        return known;
    }

    private void scheduleProcessingTimer(long time) {
        if (nextProcessingTimer != null) {
            nextProcessingTimer.cancel();
        }
        nextProcessingTime = time;
        nextProcessingTimer = processingTimeService.registerTimer(time, this::onProcessingTime);
    }

    private void onProcessingTime(long now) throws Exception {
        nextProcessingTimer = null;
        nextProcessingTime = Long.MAX_VALUE;
        InternalTimer<K> timer;
        while ((timer = processingTimeTimers.peek()) != null && timer.getTimestamp() <= now) {
            processingTimeTimers.poll();
            processingTimeSet.remove(timer);
            lastProcessingTimeKey = null;
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onProcessingTime(timer);
        }
        if (timer != null) {
            scheduleProcessingTimer(timer.getTimestamp());
        }
    }

    /** Fires the event-time timers at or below {@code watermark}, in order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        InternalTimer<K> timer;
        while ((timer = eventTimeTimers.peek()) != null && timer.getTimestamp() <= watermark) {
            eventTimeTimers.poll();
            eventTimeSet.remove(timer);
            lastEventTimeKey = null;
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onEventTime(timer);
        }
    }

    /**
     * BATCH execution, after the last record of the current key: time ends for that key, so its event-time timers
     * fire (in timestamp order, with the watermark at its maximum), then its processing-time timers; timers that
     * those register fire too. Then event time starts over for the next key, whose records are not late.
     */
    public void endOfKey() throws Exception {
        while (!eventTimeTimers.isEmpty() || !processingTimeTimers.isEmpty()) {
            advanceWatermark(Long.MAX_VALUE);
            InternalTimer<K> timer;
            while ((timer = processingTimeTimers.poll()) != null) {
                processingTimeSet.remove(timer);
                lastProcessingTimeKey = null;
                keyContext.setCurrentKey(timer.getKey());
                triggerable.onProcessingTime(timer);
                if (!eventTimeTimers.isEmpty()) {
                    break; // a processing-time timer registered an event-time timer: fire that first
                }
            }
        }
        currentWatermark = Long.MIN_VALUE;
    }

    /** Writes every timer (event time, then processing time) with its key: a checkpoint of the timers. */
    public void snapshot(io.freshet.core.memory.DataOutputView out,
            io.freshet.api.common.typeutils.TypeSerializer<K> keySerializer) throws java.io.IOException {
        writeTimers(out, eventTimeSet, keySerializer);
        writeTimers(out, processingTimeSet, keySerializer);
    }

    private static <K> void writeTimers(io.freshet.core.memory.DataOutputView out, Set<InternalTimer<K>> timers,
            io.freshet.api.common.typeutils.TypeSerializer<K> keySerializer) throws java.io.IOException {
        out.writeInt(timers.size());
        for (InternalTimer<K> timer : timers) {
            out.writeLong(timer.timestamp);
            keySerializer.serialize(timer.key, out);
        }
    }

    /**
     * Adds the timers a {@link #snapshot} wrote whose key {@code owns} accepts (the keys of this subtask's key groups);
     * the earliest processing-time timer is scheduled (one already due fires at once).
     */
    public void restore(io.freshet.core.memory.DataInputView in,
            io.freshet.api.common.typeutils.TypeSerializer<K> keySerializer, java.util.function.Predicate<K> owns)
            throws java.io.IOException {
        for (int domain = 0; domain < 2; domain++) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                long timestamp = in.readLong();
                K key = keySerializer.deserialize(in);
                if (!owns.test(key)) {
                    continue;
                }
                InternalTimer<K> timer = new InternalTimer<>(timestamp, key);
                if (domain == 0 ? eventTimeSet.add(timer) : processingTimeSet.add(timer)) {
                    (domain == 0 ? eventTimeTimers : processingTimeTimers).add(timer);
                }
            }
        }
        InternalTimer<K> first = processingTimeTimers.peek();
        if (!batchExecution && first != null && first.getTimestamp() < nextProcessingTime) {
            scheduleProcessingTimer(first.getTimestamp());
        }
    }

    public int numEventTimeTimers() {
        return eventTimeTimers.size();
    }

    public int numProcessingTimeTimers() {
        return processingTimeTimers.size();
    }

    /** Stops the scheduled processing-time callback (the operator closes). */
    public void close() {
        if (nextProcessingTimer != null) {
            nextProcessingTimer.cancel();
            nextProcessingTimer = null;
        }
    }
}

package io.freshet.streaming.runtime.operators.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.functions.DefaultOpenContext;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.RichFunction;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.streaming.api.operators.AbstractStreamOperator;
import io.freshet.streaming.api.operators.InternalTimerService;
import io.freshet.streaming.api.operators.OneInputStreamOperator;
import io.freshet.streaming.api.operators.TimestampedCollector;
import io.freshet.streaming.api.windowing.assigners.MergingWindowAssigner;
import io.freshet.streaming.api.windowing.evictors.Evictor;
import io.freshet.streaming.api.windowing.assigners.WindowAssigner;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.triggers.TriggerResult;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Windows of a keyed stream: the assigner puts each record into windows, the window's contents grow by
 * {@link WindowContents}, the trigger decides when a window emits (through the window function, with the window's
 * last timestamp), and a window is dropped {@code allowedLateness} after its end (event time) or at its end
 * (processing time). Merging assigners (sessions) merge a key's overlapping windows and their contents.
 *
 * <p>State per key: the key's live windows with their contents, and the trigger's state per window. A record that
 * only falls into windows already dropped is late and is discarded (counted in the log at DEBUG).
 *
 * <p>With an {@link Evictor}, a window keeps every element with its timestamp instead of its contents' accumulator;
 * when it fires, the evictor trims the elements, the contents compute the result from what is left, the window
 * function runs, and the evictor may trim again. A window the evictor emptied is dropped until its next element.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class WindowOperator<K, IN, ACC, R, OUT, W extends Window> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, InternalTimerService.Triggerable<K> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WindowOperator.class);

    private final WindowAssigner<? super IN, W> windowAssigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final WindowContents<IN, ACC, R> contents;
    private final InternalWindowFunction<R, OUT, K, W> windowFunction;
    private final long allowedLateness;
    private final io.freshet.util.OutputTag<IN> lateDataOutputTag;
    private final Evictor<? super IN, ? super W> evictor;

    private transient ValueState<LinkedHashMap<W, ACC>> windowsState;
    private transient ValueState<HashMap<W, HashMap<String, Object>>> triggerState;
    private transient InternalTimerService<K> timers;
    private transient TimestampedCollector<OUT> collector;
    private transient WindowContext context;
    private transient long lateRecordsDropped;
    private transient AssignerContext assignerContext;

    public WindowOperator(WindowAssigner<? super IN, W> windowAssigner, Trigger<? super IN, ? super W> trigger,
            WindowContents<IN, ACC, R> contents, InternalWindowFunction<R, OUT, K, W> windowFunction,
            long allowedLateness) {
        this(windowAssigner, trigger, contents, windowFunction, allowedLateness, null);
    }

    /** @param lateDataOutputTag where late records go ({@code sideOutputLateData}), or null to drop them */
    public WindowOperator(WindowAssigner<? super IN, W> windowAssigner, Trigger<? super IN, ? super W> trigger,
            WindowContents<IN, ACC, R> contents, InternalWindowFunction<R, OUT, K, W> windowFunction,
            long allowedLateness, io.freshet.util.OutputTag<IN> lateDataOutputTag) {
        this(windowAssigner, trigger, contents, windowFunction, allowedLateness, lateDataOutputTag, null);
    }

    /** @param evictor what to evict from a window when it fires, or null to keep the contents' accumulator */
    public WindowOperator(WindowAssigner<? super IN, W> windowAssigner, Trigger<? super IN, ? super W> trigger,
            WindowContents<IN, ACC, R> contents, InternalWindowFunction<R, OUT, K, W> windowFunction,
            long allowedLateness, io.freshet.util.OutputTag<IN> lateDataOutputTag,
            Evictor<? super IN, ? super W> evictor) {
        this.lateDataOutputTag = lateDataOutputTag;
        this.evictor = evictor;
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("The allowed lateness must not be negative: " + allowedLateness);
        }
        if (windowAssigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("The trigger " + trigger + " cannot be used with the merging"
                    + " window assigner " + windowAssigner + ".");
        }
        this.windowAssigner = windowAssigner;
        this.trigger = trigger;
        this.contents = contents;
        this.windowFunction = windowFunction;
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void open() throws Exception {
        super.open();
        for (Function function : new Function[] {contents.function(), windowFunction.function()}) {
            if (function instanceof RichFunction) {
                ((RichFunction) function).setRuntimeContext(getRuntimeContext());
                ((RichFunction) function).open(DefaultOpenContext.INSTANCE);
            }
        }
        windowsState = getRuntimeContext().getState(new ValueStateDescriptor<>("window-contents",
                (TypeInformation) TypeInformation.of(LinkedHashMap.class)));
        triggerState = getRuntimeContext().getState(new ValueStateDescriptor<>("window-trigger-state",
                (TypeInformation) TypeInformation.of(HashMap.class)));
        timers = getInternalTimerService(this);
        collector = new TimestampedCollector<>(output);
        context = new WindowContext();
        assignerContext = new AssignerContext();
    }

    @Override
    public void close() throws Exception {
        try {
            for (Function function : new Function[] {contents.function(), windowFunction.function()}) {
                if (function instanceof RichFunction) {
                    ((RichFunction) function).close();
                }
            }
        } finally {
            super.close();
        }
        if (lateRecordsDropped > 0) {
            LOG.info("{} dropped {} late records (their windows had closed; allowed lateness {} ms).",
                    getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks(), lateRecordsDropped, allowedLateness);
        }
    }

    // ---- records ----

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        long timestamp = windowAssigner.isEventTime() ? element.getTimestamp()
                : timers.currentProcessingTime();
        Collection<W> assigned = windowAssigner.assignWindows(value, timestamp, assignerContext);
        LinkedHashMap<W, ACC> windows = windowsState.value();
        if (windows == null) {
            windows = new LinkedHashMap<>();
        }
        List<W> targets = new ArrayList<>(assigned.size());
        for (W window : assigned) {
            targets.add(windowAssigner instanceof MergingWindowAssigner ? mergeInto(windows, window) : window);
        }
        boolean accepted = false;
        for (W window : targets) {
            if (isLate(window)) {
                continue;
            }
            accepted = true;
            ACC accumulator = add(windows.get(window), element);
            windows.put(window, accumulator);
            context.window = window;
            TriggerResult result = ((Trigger) trigger).onElement(value, element.getTimestamp(), window, context);
            if (result.isFire()) {
                emit(window, accumulator);
            }
            if (result.isPurge() || evictedAll(accumulator)) {
                windows.remove(window);
            }
            registerCleanupTimer(window);
        }
        if (!accepted && lateDataOutputTag != null) {
            emitSideOutput(lateDataOutputTag, value, element.hasTimestamp() ? element.getTimestamp() : null);
        } else if (!accepted) {
            lateRecordsDropped++;
            LOG.debug("Dropped a late record of key {} (timestamp {}, watermark {}).", getCurrentKey(),
                    element.getTimestamp(), timers.currentWatermark());
        }
        store(windows);
    }

    /** Adds {@code window} to the key's windows, merging it with those it overlaps; returns the window it ended in. */
    private W mergeInto(LinkedHashMap<W, ACC> windows, W window) throws Exception {
        Set<W> all = new LinkedHashSet<>(windows.keySet());
        all.add(window);
        W[] result = (W[]) new Window[] {window};
        List<Object[]> merges = new ArrayList<>();
        ((MergingWindowAssigner<? super IN, W>) windowAssigner).mergeWindows(all, (toBeMerged, merged) ->
                merges.add(new Object[] {new ArrayList<>(toBeMerged), merged}));
        for (Object[] merge : merges) {
            List<W> group = (List<W>) merge[0];
            W merged = (W) merge[1];
            ACC accumulator = null;
            for (W member : group) {
                ACC memberAccumulator = windows.remove(member);
                if (memberAccumulator != null) {
                    accumulator = accumulator == null ? memberAccumulator : merge(accumulator, memberAccumulator);
                }
                if (!member.equals(merged) && !member.equals(window)) {
                    context.window = member;
                    ((Trigger) trigger).clear(member, context);
                    clearTriggerState(member);
                }
            }
            if (accumulator != null) {
                windows.put(merged, accumulator);
            }
            context.window = merged;
            ((Trigger) trigger).onMerge(merged, context);
            if (group.contains(window)) {
                result[0] = merged;
            }
        }
        return result[0];
    }

    // ---- timers ----

    @Override
    public void onEventTime(InternalTimerService.InternalTimer<K> timer) throws Exception {
        onTimer(timer.getTimestamp(), true);
    }

    @Override
    public void onProcessingTime(InternalTimerService.InternalTimer<K> timer) throws Exception {
        onTimer(timer.getTimestamp(), false);
    }

    private void onTimer(long time, boolean eventTime) throws Exception {
        LinkedHashMap<W, ACC> windows = windowsState.value();
        if (windows == null) {
            windows = new LinkedHashMap<>();
        }
        // a snapshot of the windows (the loop changes the map): the key's windows, then windows known only to the
        // trigger (a window whose contents were purged keeps its trigger state)
        List<W> candidates = new ArrayList<>(windows.keySet());
        HashMap<W, HashMap<String, Object>> triggerStates = triggerState.value();
        if (triggerStates != null) {
            for (W window : triggerStates.keySet()) {
                if (!windows.containsKey(window)) {
                    candidates.add(window);
                }
            }
        }
        for (W window : candidates) {
            context.window = window;
            TriggerResult result = eventTime ? ((Trigger) trigger).onEventTime(time, window, context)
                    : ((Trigger) trigger).onProcessingTime(time, window, context);
            ACC accumulator = windows.get(window);
            if (result.isFire() && accumulator != null) {
                emit(window, accumulator);
            }
            if (result.isPurge() || evictedAll(accumulator)) {
                windows.remove(window);
            }
            if (eventTime == windowAssigner.isEventTime() && time >= cleanupTime(window)) {
                windows.remove(window);
                ((Trigger) trigger).clear(window, context);
                clearTriggerState(window);
            }
        }
        store(windows);
    }

    // ---- contents, with or without an evictor ----

    private ACC add(ACC accumulator, StreamRecord<IN> element) throws Exception {
        if (evictor == null) {
            return contents.add(accumulator, element.getValue());
        }
        ArrayList<TimestampedValue<IN>> elements = accumulator == null ? new ArrayList<>() : (ArrayList) accumulator;
        elements.add(TimestampedValue.from(element));
        return (ACC) elements;
    }

    private ACC merge(ACC first, ACC second) throws Exception {
        if (evictor == null) {
            return contents.merge(first, second);
        }
        ((ArrayList) first).addAll((ArrayList) second);
        return first;
    }

    private boolean evictedAll(ACC accumulator) {
        return evictor != null && accumulator != null && ((ArrayList<?>) accumulator).isEmpty();
    }

    private void emit(W window, ACC accumulator) throws Exception {
        collector.setAbsoluteTimestamp(window.maxTimestamp());
        if (evictor == null) {
            windowFunction.process((K) getCurrentKey(), window, context, contents.result(accumulator), collector);
            return;
        }
        ArrayList<TimestampedValue<IN>> elements = (ArrayList) accumulator;
        Evictor<IN, W> typedEvictor = (Evictor) evictor;
        typedEvictor.evictBefore(elements, elements.size(), window, context);
        Iterable<R> result = contents.resultOf(valuesOf(elements));
        windowFunction.process((K) getCurrentKey(), window, context, result, collector);
        typedEvictor.evictAfter(elements, elements.size(), window, context);
    }

    /** The values of {@code elements}, as a view. */
    private static <T> Iterable<T> valuesOf(List<TimestampedValue<T>> elements) {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<TimestampedValue<T>> inner = elements.iterator();

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public T next() {
                return inner.next().getValue();
            }
        };
    }

    private void store(LinkedHashMap<W, ACC> windows) throws Exception {
        if (windows.isEmpty()) {
            windowsState.clear();
        } else {
            windowsState.update(windows);
        }
    }

    private long cleanupTime(W window) {
        if (!windowAssigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long cleanup = window.maxTimestamp() + allowedLateness;
        return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
    }

    private boolean isLate(W window) {
        return windowAssigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private void registerCleanupTimer(W window) {
        long cleanup = cleanupTime(window);
        if (cleanup == Long.MAX_VALUE) {
            return; // global windows live forever
        }
        if (windowAssigner.isEventTime()) {
            timers.registerEventTimeTimer(cleanup);
        } else {
            timers.registerProcessingTimeTimer(cleanup);
        }
    }

    private void clearTriggerState(W window) throws Exception {
        HashMap<W, HashMap<String, Object>> states = triggerState.value();
        if (states != null && states.remove(window) != null) {
            if (states.isEmpty()) {
                triggerState.clear();
            } else {
                triggerState.update(states);
            }
        }
    }

    /** What the assigner may ask: the processing time. */
    private final class AssignerContext extends WindowAssigner.WindowAssignerContext {
        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }
    }

    /** The trigger's and window function's view, scoped to the current key and {@link #window}. */
    private final class WindowContext
            implements Trigger.OnMergeContext, InternalWindowFunction.TimeContext, Evictor.EvictorContext {
        W window;

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(time);
        }

        // Timers of a key are shared by its windows; a timer left behind finds no window to fire and is harmless.
        @Override
        public void deleteProcessingTimeTimer(long time) {}

        @Override
        public void deleteEventTimeTimer(long time) {}

        @Override
        public <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor) {
            W scope = window;
            String name = descriptor.getName();
            return new ValueState<>() {
                private HashMap<String, Object> forWindow(boolean create) throws java.io.IOException {
                    HashMap<W, HashMap<String, Object>> states = triggerState.value();
                    if (states == null) {
                        if (!create) {
                            return null;
                        }
                        states = new HashMap<>();
                        triggerState.update(states);
                    }
                    HashMap<String, Object> values = states.get(scope);
                    if (values == null && create) {
                        values = new HashMap<>();
                        states.put(scope, values);
                    }
                    return values;
                }

                @Override
                public S value() throws java.io.IOException {
                    HashMap<String, Object> values = forWindow(false);
                    return values == null ? null : (S) values.get(name);
                }

                @Override
                public void update(S value) throws java.io.IOException {
                    forWindow(true).put(name, value);
                }

                @Override
                public void clear() {
                    try {
                        HashMap<String, Object> values = forWindow(false);
                        if (values != null) {
                            values.remove(name);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
        }
    }
}

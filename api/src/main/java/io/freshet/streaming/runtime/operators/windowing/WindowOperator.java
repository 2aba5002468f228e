package io.freshet.streaming.runtime.operators.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.functions.DefaultOpenContext;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.RichFunction;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.GenericTypeInfo;
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
 * <p>State per key: the key's live windows with their contents (see {@link WindowSlot}: one slot for the usual
 * single window, so a record costs one keyed-state lookup), and the trigger's state per window. A record that only
 * falls into windows already dropped is late and is discarded (counted in the log at DEBUG).
 *
 * <p>Timers: each window registers its cleanup timer once, and a trigger registering the same timer for every record
 * is answered by the window's slot; the timer service itself holds one timer per key and time.
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

    /** The key's windows and their contents: null, a {@link WindowSlot}, or a {@code WindowSlot[]}. */
    private transient ValueState<Object> windowsState;
    private transient ValueState<HashMap<W, HashMap<String, Object>>> triggerState;
    /** The current key's windows while a record or timer is handled (see {@link #windowsState}). */
    private transient Object windows;
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
                new GenericTypeInfo<>(Object.class)));
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
        windows = windowsState.value();
        boolean accepted = false;
        if (windowAssigner instanceof MergingWindowAssigner) {
            // all assigned windows merge first: a later one may merge with what an earlier one merged into
            List<W> targets = new ArrayList<>(assigned.size());
            for (W window : assigned) {
                targets.add(mergeInto(window));
            }
            for (W window : targets) {
                accepted |= addToWindow(window, element);
            }
        } else if (assigned instanceof List && assigned instanceof RandomAccess) {
            List<W> list = (List<W>) assigned;
            for (int i = 0, n = list.size(); i < n; i++) {
                accepted |= addToWindow(list.get(i), element);
            }
        } else {
            for (W window : assigned) {
                accepted |= addToWindow(window, element);
            }
        }
        if (!accepted && lateDataOutputTag != null) {
            emitSideOutput(lateDataOutputTag, value, element.hasTimestamp() ? element.getTimestamp() : null);
        } else if (!accepted) {
            lateRecordsDropped++;
            if (LOG.isDebugEnabled()) {
                LOG.debug("Dropped a late record of key {} (timestamp {}, watermark {}).", getCurrentKey(),
                        element.getTimestamp(), timers.currentWatermark());
            }
        }
        storeWindows();
    }

    /** Adds the record to {@code window} of the current key and asks the trigger; false if the window is late. */
    private boolean addToWindow(W window, StreamRecord<IN> element) throws Exception {
        if (isLate(window)) {
            return false;
        }
        WindowSlot<W, ACC> slot = WindowSlot.find(windows, window);
        if (slot == null) {
            slot = new WindowSlot<>(window);
            windows = WindowSlot.append(windows, slot);
        }
        ACC accumulator = add(slot.accumulator, element);
        slot.accumulator = accumulator;
        context.scope(window, slot);
        TriggerResult result = ((Trigger) trigger).onElement(element.getValue(), element.getTimestamp(), window,
                context);
        context.scope(window, null);
        if (result.isFire()) {
            emit(window, accumulator);
        }
        if (result.isPurge() || evictedAll(accumulator)) {
            windows = WindowSlot.remove(windows, slot);
        }
        registerCleanupTimer(slot);
        return true;
    }

    /** Adds {@code window} to the key's windows, merging it with those it overlaps; returns the window it ended in. */
    private W mergeInto(W window) throws Exception {
        Set<W> all = new LinkedHashSet<>();
        for (int i = 0, n = WindowSlot.count(windows); i < n; i++) {
            all.add(WindowSlot.<W, ACC>get(windows, i).window);
        }
        all.add(window);
        List<Object[]> merges = new ArrayList<>();
        ((MergingWindowAssigner<? super IN, W>) windowAssigner).mergeWindows(all, (toBeMerged, merged) ->
                merges.add(new Object[] {new ArrayList<>(toBeMerged), merged}));
        W result = window;
        for (Object[] merge : merges) {
            List<W> group = (List<W>) merge[0];
            W merged = (W) merge[1];
            ACC accumulator = null;
            for (W member : group) {
                WindowSlot<W, ACC> memberSlot = WindowSlot.find(windows, member);
                if (memberSlot != null) {
                    windows = WindowSlot.remove(windows, memberSlot);
                    if (memberSlot.accumulator != null) {
                        accumulator = accumulator == null ? memberSlot.accumulator
                                : merge(accumulator, memberSlot.accumulator);
                    }
                }
                if (!member.equals(merged) && !member.equals(window)) {
                    context.scope(member, null);
                    ((Trigger) trigger).clear(member, context);
                    clearTriggerState(member);
                }
            }
            if (accumulator != null) {
                WindowSlot<W, ACC> mergedSlot = WindowSlot.find(windows, merged);
                if (mergedSlot == null) {
                    mergedSlot = new WindowSlot<>(merged);
                    windows = WindowSlot.append(windows, mergedSlot);
                }
                mergedSlot.accumulator = accumulator;
            }
            context.scope(merged, null);
            ((Trigger) trigger).onMerge(merged, context);
            if (group.contains(window)) {
                result = merged;
            }
        }
        return result;
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
        windows = windowsState.value();
        // the candidates, fixed before any fires (firing changes the key's windows): the key's windows (a slot array
        // is never changed in place, so the current one is a snapshot), then windows known only to the trigger (a
        // window whose contents were purged keeps its trigger state)
        Object slots = windows;
        int count = WindowSlot.count(slots);
        List<W> triggerOnly = null;
        HashMap<W, HashMap<String, Object>> triggerStates = triggerState.value();
        if (triggerStates != null) {
            for (W window : triggerStates.keySet()) {
                if (WindowSlot.find(slots, window) == null) {
                    if (triggerOnly == null) {
                        triggerOnly = new ArrayList<>();
                    }
                    triggerOnly.add(window);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            WindowSlot.get(slots, i).timerFired(eventTime, time);
        }
        for (int i = 0; i < count; i++) {
            onTimer(WindowSlot.<W, ACC>get(slots, i).window, time, eventTime);
        }
        if (triggerOnly != null) {
            for (W window : triggerOnly) {
                onTimer(window, time, eventTime);
            }
        }
        storeWindows();
    }

    private void onTimer(W window, long time, boolean eventTime) throws Exception {
        context.scope(window, null);
        TriggerResult result = eventTime ? ((Trigger) trigger).onEventTime(time, window, context)
                : ((Trigger) trigger).onProcessingTime(time, window, context);
        WindowSlot<W, ACC> slot = WindowSlot.find(windows, window);
        ACC accumulator = slot == null ? null : slot.accumulator;
        if (result.isFire() && accumulator != null) {
            emit(window, accumulator);
        }
        if (slot != null && (result.isPurge() || evictedAll(accumulator))) {
            windows = WindowSlot.remove(windows, slot);
        }
        if (eventTime == windowAssigner.isEventTime() && time >= cleanupTime(window)) {
            if (slot != null) {
                windows = WindowSlot.remove(windows, slot);
            }
            ((Trigger) trigger).clear(window, context);
            clearTriggerState(window);
        }
    }

    /**
     * Registers a trigger's timer for the current key. While a record is added to a window, {@code slot} is that
     * window's (else null): it knows the last timer it registered, so the same registration again costs no lookup.
     */
    private void registerTriggerTimer(WindowSlot<W, ACC> slot, boolean eventTime, long time) {
        if (slot != null && slot.hasTimer(eventTime, time)) {
            return;
        }
        if (eventTime) {
            timers.registerEventTimeTimer(time);
        } else {
            timers.registerProcessingTimeTimer(time);
        }
        if (slot != null) {
            slot.timerRegistered(eventTime, time);
        }
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

    /** Writes the current key's windows back (their contents may have changed in place, so always). */
    private void storeWindows() throws Exception {
        if (windows == null) {
            windowsState.clear();
        } else {
            windowsState.update(windows);
        }
        windows = null;
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

    private void registerCleanupTimer(WindowSlot<W, ACC> slot) {
        if (slot.cleanupTimerRegistered) {
            return;
        }
        long cleanup = cleanupTime(slot.window);
        if (cleanup == Long.MAX_VALUE) {
            return; // global windows live forever
        }
        if (windowAssigner.isEventTime()) {
            timers.registerEventTimeTimer(cleanup);
        } else {
            timers.registerProcessingTimeTimer(cleanup);
        }
        slot.cleanupTimerRegistered = true;
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
        /** The window's slot while a record is added to it (its timers are remembered there), else null. */
        WindowSlot<W, ACC> slot;

        void scope(W window, WindowSlot<W, ACC> slot) {
            this.window = window;
            this.slot = slot;
        }

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
            registerTriggerTimer(slot, false, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            registerTriggerTimer(slot, true, time);
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

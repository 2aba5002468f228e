package io.freshet.streaming.api.windowing.triggers;

import java.util.Objects;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.streaming.api.functions.windowing.delta.DeltaFunction;
import io.freshet.streaming.api.windowing.windows.Window;

/**
 * Fires when an element's delta to the element of the last firing (the window's first element, before any
 * firing) exceeds {@code threshold}; that element becomes the new reference.
 */
public class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {

    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final ValueStateDescriptor<T> referenceDescriptor;

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("DeltaTrigger.of needs a threshold that is a number, not NaN");
        }
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "the DeltaFunction of DeltaTrigger.of");
        this.threshold = threshold;
        this.referenceDescriptor = new ValueStateDescriptor<>("delta-reference",
                Objects.requireNonNull(stateSerializer, "the state serializer of DeltaTrigger.of"));
    }

    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
            TypeSerializer<T> stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<T> reference = ctx.getPartitionedState(referenceDescriptor);
        T last = reference.value();
        if (last == null) {
            reference.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(last, element) > threshold) {
            reference.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ctx.getPartitionedState(referenceDescriptor).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }
}

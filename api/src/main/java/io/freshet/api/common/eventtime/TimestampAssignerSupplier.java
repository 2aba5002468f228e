package io.freshet.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} in each parallel instance. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What the supplier may use to create its assigner. */
    interface Context {}

    /** Wraps an assigner that is itself serializable. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}

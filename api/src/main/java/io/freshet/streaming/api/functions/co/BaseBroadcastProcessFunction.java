package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReadOnlyBroadcastState;
import io.freshet.util.OutputTag;

/** What the broadcast process functions share: their contexts. */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** What every context offers. */
    abstract class BaseContext {
        /** The element's timestamp, or null when it has none. */
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The context of a broadcast element: the broadcast state may be changed. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The context of a non-broadcast element: the broadcast state may only be read. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor);
    }
}

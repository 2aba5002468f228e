package io.freshet.streaming.api.operators;

import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * The rolling reduce of a keyed stream: per key, the value so far combined with each new record; emits the new
 * value for every record (as Flink does: {@code (the,1)}, {@code (the,2)}, ...). In BATCH mode only the final value
 * of each key is emitted, when the key's records are done, with the key's latest timestamp.
 */
public class StreamGroupedReduce<IN> extends AbstractUdfStreamOperator<IN, ReduceFunction<IN>>
        implements OneInputStreamOperator<IN, IN> {

    private static final long serialVersionUID = 1L;

    private static final String STATE_NAME = "_op_state";

    private final TypeSerializer<IN> serializer;
    private transient ValueState<IN> values;
    private transient boolean batch;
    private transient long latestTimestamp;
    private transient boolean anyTimestamp;

    public StreamGroupedReduce(ReduceFunction<IN> reducer, TypeSerializer<IN> serializer) {
        super(reducer);
        this.serializer = serializer;
    }

    @Override
    public void open() throws Exception {
        super.open();
        values = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE_NAME, serializer));
        batch = isBatchExecution();
        latestTimestamp = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        IN current = values.value();
        IN result = current == null ? value : userFunction.reduce(current, value);
        values.update(result);
        if (!batch) {
            output.collect(element.replace(result));
        } else if (element.hasTimestamp()) {
            anyTimestamp = true;
            latestTimestamp = Math.max(latestTimestamp, element.getTimestamp());
        }
    }

    @Override
    public void endKeyInBatch() throws Exception {
        IN result = values.value();
        if (result != null) {
            output.collect(anyTimestamp ? new StreamRecord<>(result, latestTimestamp) : new StreamRecord<>(result));
            values.clear();
        }
        anyTimestamp = false;
        latestTimestamp = Long.MIN_VALUE;
        super.endKeyInBatch();
    }
}

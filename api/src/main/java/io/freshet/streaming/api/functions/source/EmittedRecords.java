package io.freshet.streaming.api.functions.source;

import java.util.List;

import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.runtime.state.FunctionInitializationContext;

/**
 * How many records a built-in source emitted, kept in operator state, so that after a restore it goes on after them.
 * The source counts under the checkpoint lock, together with its emissions.
 */
final class EmittedRecords implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private transient ListState<Long> state;
    /** Records emitted so far (restored from the checkpoint, then counted on). */
    long count;

    void initialize(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("emitted", Long.class));
        count = 0;
        for (Long restored : state.get()) {
            count = restored;
        }
    }

    void snapshot() throws Exception {
        state.update(List.of(count));
    }
}

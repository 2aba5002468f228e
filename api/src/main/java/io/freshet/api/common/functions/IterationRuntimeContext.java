package io.freshet.api.common.functions;

/** The runtime context of a function that runs inside the step function of a bulk or delta iteration. */
public interface IterationRuntimeContext extends RuntimeContext {

    // TODO(dataset): getIterationAggregator(String) and getPreviousIterationAggregate(String) come with the
    // iteration aggregators (io.freshet.api.common.aggregators) and io.freshet.types.Value.

    /** Returns the number of the current superstep, starting at 1. */
    int getSuperstepNumber();
}

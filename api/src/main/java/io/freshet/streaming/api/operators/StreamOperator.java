package io.freshet.streaming.api.operators;

import java.io.Serializable;

/**
 * An operator of a stream: set up once with its output and context, {@link #open()}ed before the first element,
 * {@link #finish()}ed when its input has ended (it may still emit), {@link #close()}d at the end in every outcome.
 * Runs in its task's thread only.
 */
public interface StreamOperator<OUT> extends Serializable {

    void setup(StreamOperatorParameters<OUT> parameters);

    void open() throws Exception;

    /** The input ended: emit what is buffered. Not called when the task fails or is cancelled. */
    void finish() throws Exception;

    /** Releases resources; called after {@link #finish()} and also after failures. */
    void close() throws Exception;

    ChainingStrategy getChainingStrategy();

    void setChainingStrategy(ChainingStrategy strategy);
}

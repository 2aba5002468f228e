package io.freshet.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/**
 * Where a stream ends ({@code stream.sinkTo(sink)}): each parallel instance writes through its own
 * {@link SinkWriter}. Exactly-once sinks (committing on checkpoints) come with checkpointing.
 */
public interface Sink<InputT> extends Serializable {

    /** @deprecated override {@link #createWriter(WriterInitContext)} */
    @Deprecated
    SinkWriter<InputT> createWriter(InitContext context) throws IOException;

    default SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException {
        if (!(context instanceof InitContext)) {
            throw new UnsupportedOperationException("This sink implements only the deprecated createWriter(InitContext),"
                    + " which this context does not serve; implement createWriter(WriterInitContext).");
        }
        return createWriter((InitContext) context);
    }

    /** The init context of the deprecated {@link #createWriter(InitContext)}. */
    @Deprecated
    interface InitContext extends io.freshet.api.connector.sink2.InitContext {}
}

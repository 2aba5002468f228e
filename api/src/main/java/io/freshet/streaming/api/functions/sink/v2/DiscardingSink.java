package io.freshet.streaming.api.functions.sink.v2;

import io.freshet.api.connector.sink2.Sink;
import io.freshet.api.connector.sink2.SinkWriter;

/** A sink that drops everything (for tests and benchmarks). */
public class DiscardingSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<IN> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context context) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

package io.freshet.streaming.api.functions.sink;

/** Drops every record (for tests and benchmarks). */
@Deprecated
public class DiscardingSink<T> implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value, Context context) {}
}

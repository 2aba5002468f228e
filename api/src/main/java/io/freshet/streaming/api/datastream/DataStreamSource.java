package io.freshet.streaming.api.datastream;

import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.transformations.LegacySourceTransformation;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    private final boolean isParallel;

    /** The stream of a split-based source ({@code fromSource}), which is always parallel. */
    public DataStreamSource(StreamExecutionEnvironment environment,
            io.freshet.streaming.api.transformations.SourceTransformation<T> transformation) {
        super(environment, transformation);
        this.isParallel = true;
    }

    public DataStreamSource(StreamExecutionEnvironment environment, LegacySourceTransformation<T> transformation,
            boolean isParallel) {
        super(environment, transformation);
        this.isParallel = isParallel;
        if (!isParallel) {
            transformation.setParallelism(1);
        }
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        if (!isParallel && parallelism != 1) {
            throw new IllegalArgumentException("The parallelism of a non-parallel source must be 1, not "
                    + parallelism + "; implement ParallelSourceFunction to run it in parallel.");
        }
        super.setParallelism(parallelism);
        return this;
    }
}

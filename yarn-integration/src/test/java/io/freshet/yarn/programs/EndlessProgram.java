package io.freshet.yarn.programs;

import io.freshet.api.common.functions.MapFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.DiscardingSink;

/** {@code EndlessProgram}: a job that runs until it is cancelled. */
public final class EndlessProgram {

    private EndlessProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 1_000_000_000_000L)
                .map(new Slow())
                .addSink(new DiscardingSink<>());
        env.execute("endless on YARN");
    }

    /** Passes one record per millisecond, to keep the machine quiet. */
    public static final class Slow implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            return value;
        }
    }
}

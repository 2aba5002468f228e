package io.freshet.yarn.programs;

import io.freshet.api.common.functions.MapFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.DiscardingSink;

/** {@code FailingProgram}: a job whose map fails at record 500, with {@link #FAILURE_MESSAGE}. */
public final class FailingProgram {

    public static final String FAILURE_MESSAGE = "FailingProgram fails on purpose at record 500";

    private FailingProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 1000)
                .map(new FailAt500())
                .addSink(new DiscardingSink<>());
        env.execute("failing on YARN");
    }

    /** Throws at 500. */
    public static final class FailAt500 implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 500) {
                throw new IllegalStateException(FAILURE_MESSAGE);
            }
            return value;
        }
    }
}

package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.Watermark;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.connector.sink2.Sink;
import io.freshet.api.connector.sink2.SinkWriter;
import io.freshet.api.connector.sink2.WriterInitContext;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.v2.DiscardingSink;

/** The Sink V2 API through {@code sinkTo}: one writer per parallel instance, its whole life. */
class SinkV2ITCase {

    static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

    /** Records what its writers are told. */
    static final class RecordingSink implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("deprecation")
        public SinkWriter<Long> createWriter(InitContext context) {
            throw new AssertionError("the WriterInitContext variant is the one called");
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            int subtask = context.getSubtaskId();
            EVENTS.add(subtask + " created of " + context.getNumberOfParallelSubtasks() + " (serializer "
                    + context.createInputSerializer().getClass().getSimpleName() + ")");
            return new SinkWriter<>() {
                private final List<Long> written = new ArrayList<>();

                @Override
                public void write(Long element, Context ctx) {
                    if (ctx.timestamp() == null || ctx.timestamp() != element * 10) {
                        EVENTS.add("wrong timestamp " + ctx.timestamp() + " of " + element);
                    }
                    written.add(element);
                }

                @Override
                public void writeWatermark(Watermark watermark) {
                    if (watermark.getTimestamp() == Long.MAX_VALUE) {
                        EVENTS.add(subtask + " saw the final watermark");
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                    EVENTS.add(subtask + " flush endOfInput=" + endOfInput + " after " + written.size());
                }

                @Override
                public void close() {
                    EVENTS.add(subtask + " closed");
                }
            };
        }
    }

    @Test
    void everyWriterIsCreatedWrittenFlushedAtTheEndAndClosed() throws Exception {
        EVENTS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1_000)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((value, previous) -> value * 10))
                .rebalance()
                .sinkTo(new RecordingSink());
        env.fromSequence(1, 10).sinkTo(new DiscardingSink<>());
        env.execute("sink v2");

        List<String> events = new ArrayList<>(EVENTS);
        assertThat(events).filteredOn(event -> event.startsWith("wrong")).isEmpty();
        assertThat(events).contains("0 created of 2 (serializer LongSerializer)", "1 created of 2 (serializer"
                + " LongSerializer)", "0 saw the final watermark", "1 saw the final watermark", "0 closed", "1 closed");
        assertThat(events).filteredOn(event -> event.contains("flush")).hasSize(2)
                .allMatch(event -> event.contains("endOfInput=true"));
        long total = events.stream().filter(event -> event.contains("flush"))
                .mapToLong(event -> Long.parseLong(event.substring(event.lastIndexOf(' ') + 1))).sum();
        assertThat(total).isEqualTo(1_000);
        for (String subtask : new String[] {"0", "1"}) {
            List<String> own = events.stream().filter(event -> event.startsWith(subtask + " ")).toList();
            assertThat(own.get(0)).contains("created");
            assertThat(own.get(own.size() - 1)).isEqualTo(subtask + " closed");
        }
    }
}

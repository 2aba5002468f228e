package io.freshet.streaming.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.streaming.api.windowing.triggers.EventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.triggers.TriggerResult;
import io.freshet.streaming.api.windowing.windows.TimeWindow;
import io.freshet.streaming.util.KeyedOneInputOperatorHarness;

/** The window operator driven record by record: how often windows fire when triggers register timers repeatedly. */
class WindowOperatorTest {

    /** Counts a window's records. */
    static final class Count implements AggregateFunction<String, long[], Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(String value, long[] accumulator) {
            accumulator[0]++;
            return accumulator;
        }

        @Override
        public Long getResult(long[] accumulator) {
            return accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** Registers a timer in the middle of the window for every record, and fires at it (without purging). */
    static final class FireAtTheMiddle extends Trigger<Object, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(middle(window));
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == middle(window) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}

        private static long middle(TimeWindow window) {
            return window.getStart() + (window.getEnd() - window.getStart()) / 2;
        }
    }

    /** Counts per key (the first letter) in one-second tumbling windows, with {@code trigger}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KeyedOneInputOperatorHarness<String, String, Long> harness(Trigger<Object, TimeWindow> trigger)
            throws Exception {
        WindowOperator<String, String, long[], Long, Long, TimeWindow> operator = new WindowOperator<>(
                TumblingEventTimeWindows.of(Duration.ofSeconds(1)), (Trigger) trigger,
                WindowContents.aggregating(new Count()), InternalWindowFunction.passThrough(), 0);
        return new KeyedOneInputOperatorHarness<>(operator, s -> s.substring(0, 1),
                Types.STRING.createSerializer(new ExecutionConfig()));
    }

    @Test
    void aWindowFiresOnceThoughItsTriggerRegistersItsTimerForEveryRecord() throws Exception {
        try (KeyedOneInputOperatorHarness<String, String, Long> harness = harness(EventTimeTrigger.create())) {
            harness.processElement("a1", 100);
            harness.processElement("a2", 200);
            harness.processElement("b1", 250);
            harness.processElement("a3", 300);
            harness.processElement("a4", 1_100);

            harness.processWatermark(999);
            assertThat(harness.takeOutput()).containsExactlyInAnyOrder("3@999", "1@999");
            harness.processWatermark(1_500);
            assertThat(harness.takeOutput()).isEmpty();
            harness.processWatermark(1_999);
            assertThat(harness.takeOutput()).containsExactly("1@1999");
            assertThat(harness.numberOfKeysWithState()).isZero();
        }
    }

    @Test
    void aTimerRegisteredAgainAfterItFiredFiresAgain() throws Exception {
        try (KeyedOneInputOperatorHarness<String, String, Long> harness = harness(new FireAtTheMiddle())) {
            harness.processElement("a1", 100);
            harness.processElement("a2", 200);
            harness.processWatermark(500);
            assertThat(harness.takeOutput()).containsExactly("2@999");

            // the same timer (500) again: it fired, so this registers it anew, and the next watermark fires it
            harness.processElement("a3", 300);
            harness.processWatermark(600);
            assertThat(harness.takeOutput()).containsExactly("3@999");

            harness.processWatermark(999);
            assertThat(harness.takeOutput()).isEmpty();
            assertThat(harness.numberOfKeysWithState()).isZero();
        }
    }
}

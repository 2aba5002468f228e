package io.freshet.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.streaming.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.freshet.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.streaming.api.windowing.assigners.WindowAssigner;
import io.freshet.streaming.api.windowing.assigners.WindowStagger;
import io.freshet.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.triggers.TriggerResult;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Window staggering, dynamic session gaps and the continuous processing-time trigger, without a cluster. */
class AssignersAndTriggersTest {

    /** An assigner context at a fixed processing time. */
    private static WindowAssigner.WindowAssignerContext at(long processingTime) {
        return new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return processingTime;
            }
        };
    }

    @Test
    void staggersShiftWindowsByAnOffsetBelowTheSize() {
        assertThat(WindowStagger.ALIGNED.getStaggerOffset(1_300, 1_000)).isZero();
        assertThat(WindowStagger.NATURAL.getStaggerOffset(1_300, 1_000)).isEqualTo(300);
        for (int i = 0; i < 100; i++) {
            assertThat(WindowStagger.RANDOM.getStaggerOffset(1_300, 1_000)).isBetween(0L, 999L);
        }
    }

    @Test
    void aNaturallyStaggeredTumblingWindowStartsWhereTheOperatorsFirstElementArrived() {
        TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ZERO,
                WindowStagger.NATURAL);

        assertThat(assigner.assignWindows("x", 2_000, at(1_300))).containsExactly(new TimeWindow(1_300, 2_300));
        // the stagger is fixed at the first element, whatever the clock says later
        assertThat(assigner.assignWindows("y", 2_400, at(5_050))).containsExactly(new TimeWindow(2_300, 3_300));
    }

    @Test
    void dynamicSessionGapsComeFromEachElement() {
        DynamicEventTimeSessionWindows<Integer> assigner = EventTimeSessionWindows.withDynamicGap(v -> v * 1_000L);

        assertThat(assigner.assignWindows(3, 10_000, at(0))).containsExactly(new TimeWindow(10_000, 13_000));
        assertThatThrownBy(() -> assigner.assignWindows(0, 10_000, at(0))).hasMessageContaining("gap of 0 is 0 ms");
    }

    @Test
    void aContinuousProcessingTimeTriggerFiresOnEveryIntervalFromTheFirstElement() throws Exception {
        FakeTriggerContext ctx = new FakeTriggerContext(1_250);
        ContinuousProcessingTimeTrigger<TimeWindow> trigger = ContinuousProcessingTimeTrigger.of(
                Duration.ofMillis(500));
        TimeWindow window = new TimeWindow(0, 1_800);

        assertThat(trigger.onElement("a", 0, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onElement("b", 0, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.processingTimers).containsExactly(1_500L);

        assertThat(trigger.onProcessingTime(1_400, window, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onProcessingTime(1_500, window, ctx)).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.processingTimers).as("the next firing is capped at the window's end").containsExactly(1_500L,
                1_799L);
        assertThat(trigger.onProcessingTime(1_799, window, ctx)).isEqualTo(TriggerResult.FIRE);

        trigger.clear(window, ctx);
        assertThat(ctx.state).isEmpty();
    }

    /** Records the timers a trigger sets; state per name, for one window. */
    private static final class FakeTriggerContext implements Trigger.TriggerContext {
        final List<Long> processingTimers = new ArrayList<>();
        final Map<String, Object> state = new HashMap<>();
        private final long processingTime;

        FakeTriggerContext(long processingTime) {
            this.processingTime = processingTime;
        }

        @Override
        public long getCurrentProcessingTime() {
            return processingTime;
        }

        @Override
        public long getCurrentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.add(time);
        }

        @Override
        public void registerEventTimeTimer(long time) {}

        @Override
        public void deleteProcessingTimeTimer(long time) {}

        @Override
        public void deleteEventTimeTimer(long time) {}

        @Override
        @SuppressWarnings("unchecked")
        public <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor) {
            String name = descriptor.getName();
            return new ValueState<>() {
                @Override
                public S value() {
                    return (S) state.get(name);
                }

                @Override
                public void update(S value) {
                    state.put(name, value);
                }

                @Override
                public void clear() {
                    state.remove(name);
                }
            };
        }
    }
}

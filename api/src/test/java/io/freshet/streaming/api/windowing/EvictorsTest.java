package io.freshet.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.streaming.api.windowing.evictors.CountEvictor;
import io.freshet.streaming.api.windowing.evictors.DeltaEvictor;
import io.freshet.streaming.api.windowing.evictors.Evictor;
import io.freshet.streaming.api.windowing.evictors.TimeEvictor;
import io.freshet.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.freshet.streaming.api.windowing.windows.GlobalWindow;
import io.freshet.streaming.runtime.operators.windowing.TimestampedValue;

/** The built-in evictors on plain lists of timestamped elements. */
class EvictorsTest {

    private static final Evictor.EvictorContext NO_TIME = new Evictor.EvictorContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public long getCurrentWatermark() {
            return Long.MIN_VALUE;
        }
    };

    /** Elements (value, timestamp) with timestamps 1000 * value. */
    private static List<TimestampedValue<Object>> elements(int... values) {
        List<TimestampedValue<Object>> list = new ArrayList<>();
        for (int value : values) {
            list.add(new TimestampedValue<>(value, value * 1_000L));
        }
        return list;
    }

    private static List<Object> values(List<TimestampedValue<Object>> elements) {
        List<Object> values = new ArrayList<>();
        elements.forEach(element -> values.add(element.getValue()));
        return values;
    }

    @Test
    void countEvictorKeepsTheLastElements() {
        List<TimestampedValue<Object>> list = elements(1, 2, 3, 4, 5);
        CountEvictor.<GlobalWindow>of(2).evictBefore(list, list.size(), GlobalWindow.get(), NO_TIME);
        assertThat(values(list)).containsExactly(4, 5);
    }

    @Test
    void countEvictorAfterLeavesTheElementsAloneBeforeTheFunction() {
        List<TimestampedValue<Object>> list = elements(1, 2, 3);
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(1, true);
        evictor.evictBefore(list, list.size(), GlobalWindow.get(), NO_TIME);
        assertThat(values(list)).containsExactly(1, 2, 3);
        evictor.evictAfter(list, list.size(), GlobalWindow.get(), NO_TIME);
        assertThat(values(list)).containsExactly(3);
    }

    @Test
    void timeEvictorKeepsWhatIsWithinTheSizeOfTheNewestElement() {
        List<TimestampedValue<Object>> list = elements(1, 5, 8, 9, 6);
        TimeEvictor.<GlobalWindow>of(Duration.ofSeconds(2)).evictBefore(list, list.size(), GlobalWindow.get(),
                NO_TIME);
        // newest 9000: 7000 and older go
        assertThat(values(list)).containsExactly(8, 9);
    }

    @Test
    void timeEvictorIgnoresElementsWithoutTimestamps() {
        List<TimestampedValue<Object>> list = new ArrayList<>(List.of(new TimestampedValue<>("a"),
                new TimestampedValue<>("b")));
        TimeEvictor.<GlobalWindow>of(Duration.ZERO).evictBefore(list, 2, GlobalWindow.get(), NO_TIME);
        assertThat(list).hasSize(2);
    }

    @Test
    void deltaEvictorEvictsWhatIsFarFromTheLastElement() {
        List<TimestampedValue<Integer>> list = new ArrayList<>();
        for (int value : new int[] {1, 10, 8, 12}) {
            list.add(new TimestampedValue<>(value));
        }
        DeltaEvictor.<Integer, GlobalWindow>of(5.0, (a, b) -> Math.abs(a - b)).evictBefore(list, list.size(),
                GlobalWindow.get(), NO_TIME);
        assertThat(list).extracting(TimestampedValue::getValue).containsExactly(10, 8, 12);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> CountEvictor.of(-1)).hasMessageContaining("CountEvictor").hasMessageContaining("-1");
        assertThatThrownBy(() -> TimeEvictor.of(Duration.ofMillis(-5))).hasMessageContaining("TimeEvictor")
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(Duration.ZERO))
                .hasMessageContaining("ContinuousEventTimeTrigger").hasMessageContaining("interval");
        assertThatThrownBy(() -> ContinuousProcessingTimeTrigger.of(Duration.ofMillis(-1)))
                .hasMessageContaining("ContinuousProcessingTimeTrigger");
        assertThatThrownBy(() -> DeltaEvictor.of(1.0, null)).hasMessageContaining("DeltaFunction");
    }
}

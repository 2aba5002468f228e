package io.freshet.api.common.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WatermarksWithIdlenessTest {

    private long now;

    /** Records what the generator emits, in order. */
    private final List<String> emitted = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add("wm " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            emitted.add("idle");
        }

        @Override
        public void markActive() {
            emitted.add("active");
        }
    };

    @Test
    void theStreamTurnsIdleAfterTheTimeoutWithoutRecordsAndActiveWithTheNextRecord() {
        WatermarksWithIdleness<String> generator = new WatermarksWithIdleness<>(
                new AscendingTimestampsWatermarks<>(), Duration.ofMillis(100), () -> now);

        generator.onEvent("x", 1_000, output);
        now += 200_000_000;
        generator.onPeriodicEmit(output); // records since the last check: their watermark goes out
        now += 50_000_000;
        generator.onPeriodicEmit(output); // the first check without records starts the idle time
        now += 60_000_000;
        generator.onPeriodicEmit(output); // 60 ms without records: not idle yet
        now += 50_000_000;
        generator.onPeriodicEmit(output); // 110 ms: idle
        generator.onPeriodicEmit(output); // idle already: nothing more
        generator.onEvent("y", 2_000, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly("wm 999", "wm 999", "wm 999", "idle", "active", "wm 1999");
    }

    @Test
    void withIdlenessKeepsTheTimestampAssignerAndRefusesNonPositiveTimeouts() {
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((value, previous) -> value * 10)
                .withIdleness(Duration.ofSeconds(1));
        assertThat(strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {})
                .extractTimestamp(7L, 0)).isEqualTo(70);
        assertThat(strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {}))
                .isInstanceOf(WatermarksWithIdleness.class);
        assertThatThrownBy(() -> WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ZERO))
                .hasMessageContaining("idle timeout must be positive");
    }
}

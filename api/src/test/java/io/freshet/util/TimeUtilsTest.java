package io.freshet.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeUtilsTest {

    @ParameterizedTest(name = "\"{0}\" = {1} ms")
    @CsvSource(delimiter = '|', value = {
        "30 s|30000", "30s|30000", "30 sec|30000", "30 seconds|30000", "30 S|30000",
        "1 min|60000", "1m|60000", "2 minutes|120000",
        "500ms|500", "500 milliseconds|500", "500 MILLIS|500",
        "2 h|7200000", "2 hours|7200000",
        "1d|86400000", "1 day|86400000", "3 days|259200000",
        "100|100", "  42  |42", "0|0"
    })
    void parsesDurationInEveryUnitForm(String text, long expectedMillis) {
        assertThat(TimeUtils.parseDuration(text)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void parsesSubMillisecondUnits() {
        assertThat(TimeUtils.parseDuration("7 ns")).isEqualTo(Duration.ofNanos(7));
        assertThat(TimeUtils.parseDuration("7 micros")).isEqualTo(Duration.ofNanos(7_000));
        assertThat(TimeUtils.parseDuration("7µs")).isEqualTo(Duration.ofNanos(7_000));
    }

    @Test
    void unknownDurationUnitListsAcceptedUnits() {
        assertThatThrownBy(() -> TimeUtils.parseDuration("10 weeks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weeks'")
                .hasMessageContaining("(min | m | minute | minutes)")
                .hasMessageContaining("(ms | milli | millis | millisecond | milliseconds)");
    }

    @Test
    void durationWithoutNumberIsRejectedWithExample() {
        assertThatThrownBy(() -> TimeUtils.parseDuration("s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not start with a whole number")
                .hasMessageContaining("30 s");
        assertThatThrownBy(() -> TimeUtils.parseDuration("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMinutes(1))).isEqualTo("1 min");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMillis(200))).isEqualTo("200 ms");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofDays(2))).isEqualTo("2 d");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ofNanos(1500))).isEqualTo("1500 ns");
        assertThat(TimeUtils.formatWithHighestUnit(Duration.ZERO)).isEqualTo("0 ms");
    }

    @Test
    void formattedDurationParsesBackToTheSameDuration() {
        for (Duration duration : new Duration[] {
            Duration.ofMillis(1234), Duration.ofSeconds(3600), Duration.ofNanos(1001), Duration.ofDays(400)}) {
            assertThat(TimeUtils.parseDuration(TimeUtils.formatWithHighestUnit(duration))).isEqualTo(duration);
        }
    }

    @Test
    void stringInMillisUsesMsSuffix() {
        assertThat(TimeUtils.getStringInMillis(Duration.ofSeconds(2))).isEqualTo("2000ms");
    }
}

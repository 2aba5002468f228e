package io.freshet.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.streaming.api.functions.co.ProcessJoinFunction;
import io.freshet.streaming.util.KeyedTwoInputOperatorHarness;
import io.freshet.util.Collector;
import io.freshet.util.OutputTag;

/** The interval join operator driven record by record: which pairs meet, lateness, and the cleanup of its buffers. */
class IntervalJoinOperatorTest {

    private static final OutputTag<String> LATE_LEFT = new OutputTag<>("late-left", Types.STRING);
    private static final OutputTag<String> LATE_RIGHT = new OutputTag<>("late-right", Types.STRING);

    /** Records are strings keyed by their first letter; a pair is "left+right". */
    private static KeyedTwoInputOperatorHarness<String, String, String, String> harness(long lower, long upper)
            throws Exception {
        IntervalJoinOperator<String, String, String, String> operator = new IntervalJoinOperator<>(lower, upper,
                Types.STRING, Types.STRING, LATE_LEFT, LATE_RIGHT, new Concatenate());
        return new KeyedTwoInputOperatorHarness<>(operator, s -> s.substring(0, 1), s -> s.substring(0, 1),
                Types.STRING.createSerializer(new ExecutionConfig()));
    }

    static final class Concatenate extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            assertThat(ctx.getTimestamp()).isEqualTo(Math.max(ctx.getLeftTimestamp(), ctx.getRightTimestamp()));
            out.collect(left + "+" + right);
        }
    }

    @Test
    void pairsWithinTheInclusiveBoundsOfOneKeyJoinWithTheLaterTimestamp() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(-1_000, 1_000)) {
            harness.processElement1("a1", 1_000);
            harness.processElement2("a2", 0);
            harness.processElement2("a3", 2_000);
            harness.processElement2("a4", 2_001);
            harness.processElement2("b1", 1_000);
            harness.processElement1("a5", 3_000);

            assertThat(harness.takeOutput()).containsExactlyInAnyOrder("a1+a2@1000", "a1+a3@2000", "a5+a3@3000",
                    "a5+a4@3000");
        }
    }

    @Test
    void recordsBehindTheWatermarkGoToTheirSideOutputs() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(0, 2_000)) {
            harness.processElement1("a1", 1_000);
            harness.processBothWatermarks(2_500);
            harness.processElement2("a2", 2_600);
            harness.processElement1("a3", 2_400);
            harness.processElement2("a4", 100);
            harness.processElement2("a5", 2_500);

            assertThat(harness.takeOutput()).containsExactly("a1+a2@2600", "a1+a5@2500");
            assertThat(harness.sideOutput(LATE_LEFT)).containsExactly("a3");
            assertThat(harness.sideOutput(LATE_RIGHT)).containsExactly("a4");
        }
    }

    @Test
    void theWatermarkIsTheMinimumOfBothInputs() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(0, 2_000)) {
            harness.processWatermark1(5_000);
            harness.processElement2("a1", 4_000);
            harness.processElement1("a2", 3_000);

            assertThat(harness.takeOutput()).as("the right input holds the watermark back").containsExactly(
                    "a2+a1@4000");
            assertThat(harness.sideOutput(LATE_RIGHT)).isEmpty();
        }
    }

    @Test
    void buffersAreEmptiedOnceTheWatermarkPassesEveryPossiblePartner() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(-500, 2_000)) {
            harness.processElement1("a1", 1_000); // kept until 3000
            harness.processElement2("a2", 4_000); // kept until 4500
            harness.processElement2("b1", 1_000); // kept until 1500
            assertThat(harness.numberOfKeysWithState()).isEqualTo(2);

            harness.processBothWatermarks(2_999);
            assertThat(harness.numberOfKeysWithState()).as("b's right record is gone, a's are not").isEqualTo(1);

            // a left record at 4300 still meets the right record at 4000 (4000 >= 4300 - 500)
            harness.processElement1("a3", 4_300);
            assertThat(harness.takeOutput()).containsExactly("a3+a2@4300");

            harness.processBothWatermarks(6_300);
            assertThat(harness.numberOfKeysWithState()).isZero();
        }
    }

    @Test
    void aLowerBoundAboveTheUpperBoundIsRefused() {
        assertThatThrownBy(() -> new IntervalJoinOperator<String, String, String, String>(10, 5, Types.STRING,
                Types.STRING, null, null, new Concatenate())).hasMessageContaining("lower bound (10 ms)")
                .hasMessageContaining("upper bound (5 ms)");
    }

    @Test
    void aRecordWithoutTimestampIsRefusedNamingItsSide() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(0, 1)) {
            assertThatThrownBy(() -> harness.processElement1("a1"))
                    .hasMessageContaining("left record").hasMessageContaining("timestamp");
        }
    }
}

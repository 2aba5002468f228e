package io.freshet.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.freshet.streaming.util.KeyedTwoInputOperatorHarness;
import io.freshet.util.Collector;

/** The keyed broadcast operator driven record by record on the real heap state. */
class CoBroadcastWithKeyedOperatorTest {

    static final MapStateDescriptor<String, String> DECLARED = new MapStateDescriptor<>("rates", Types.STRING,
            Types.STRING);
    static final MapStateDescriptor<String, String> UNDECLARED = new MapStateDescriptor<>("typo", Types.STRING,
            Types.STRING);

    /** Puts broadcast values into the state {@code target}; keyed records read {@code target} and report it. */
    static final class Function extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;
        private final MapStateDescriptor<String, String> target;

        Function(MapStateDescriptor<String, String> target) {
            this.target = target;
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " sees " + ctx.getBroadcastState(target).get(value));
            assertThatThrownBy(() -> ctx.getBroadcastState(target).clear()).hasMessageContaining("read-only");
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(target).put(value, value.toUpperCase());
        }
    }

    private static KeyedTwoInputOperatorHarness<String, String, String, String> harness(
            MapStateDescriptor<String, String> target) throws Exception {
        return new KeyedTwoInputOperatorHarness<>(new CoBroadcastWithKeyedOperator<>(new Function(target),
                List.of(DECLARED)), value -> value, value -> value, StringSerializer.INSTANCE);
    }

    @Test
    void keyedRecordsReadWhatBroadcastRecordsWrote() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(DECLARED)) {
            harness.processElement2("eur", 1);
            harness.processElement1("eur", 2);
            harness.processElement1("usd", 3);
            assertThat(harness.takeOutput()).extracting(Object::toString).anyMatch(out -> out.contains("eur sees EUR"))
                    .anyMatch(out -> out.contains("usd sees null"));
        }
    }

    @Test
    void anUndeclaredBroadcastStateIsRefusedNamingItAndTheDeclaredOnes() throws Exception {
        try (KeyedTwoInputOperatorHarness<String, String, String, String> harness = harness(UNDECLARED)) {
            assertThatThrownBy(() -> harness.processElement2("eur", 1)).hasMessageContaining("'typo' does not exist")
                    .hasMessageContaining("[rates]").hasMessageContaining("datastream.broadcast(...)");
        }
    }
}

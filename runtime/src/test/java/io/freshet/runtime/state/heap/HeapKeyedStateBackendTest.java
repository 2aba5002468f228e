package io.freshet.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.state.AggregatingState;
import io.freshet.api.common.state.AggregatingStateDescriptor;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReducingState;
import io.freshet.api.common.state.ReducingStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;

/** Every kind of keyed state on the heap backend: scoped to the current key, cleared per key. */
class HeapKeyedStateBackendTest {

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE, 128,
            KeyGroupRange.of(0, 127));

    @Test
    void valueStateIsPerKey() throws Exception {
        ValueState<Integer> state = backend.getState(new ValueStateDescriptor<>("v", Integer.class));

        backend.setKey("a");
        state.update(1);
        backend.setKey("b");
        assertThat(state.value()).isNull();
        state.update(2);
        backend.setKey("a");

        assertThat(state.value()).isEqualTo(1);
        state.clear();
        assertThat(state.value()).isNull();
        assertThat(backend.numberOfKeys()).isEqualTo(1);
    }

    @Test
    void listReducingAggregatingAndMapState() throws Exception {
        ListState<String> list = backend.getListState(new ListStateDescriptor<>("list", String.class));
        ReducingState<Integer> reducing = backend.getReducingState(new ReducingStateDescriptor<>("sum", Integer::sum,
                Integer.class));
        AggregatingState<Integer, Double> average = backend.getAggregatingState(new AggregatingStateDescriptor<>(
                "avg", new Average(), long[].class));
        MapState<String, Integer> map = backend.getMapState(new MapStateDescriptor<>("map", String.class,
                Integer.class));

        backend.setKey("k");
        assertThat(list.get()).isEmpty();
        list.add("x");
        list.addAll(List.of("y", "z"));
        reducing.add(3);
        reducing.add(4);
        average.add(1);
        average.add(4);
        map.put("one", 1);
        map.putAll(Map.of("two", 2));
        map.remove("one");
        backend.setKey("other");
        assertThat(list.get()).isEmpty();
        assertThat(reducing.get()).isNull();
        assertThat(map.isEmpty()).isTrue();
        backend.setKey("k");

        assertThat(list.get()).containsExactly("x", "y", "z");
        assertThat(reducing.get()).isEqualTo(7);
        assertThat(average.get()).isEqualTo(2.5);
        assertThat(map.contains("two")).isTrue();
        assertThat(map.contains("one")).isFalse();
        assertThat(map.keys()).containsExactly("two");
        list.update(List.of("only"));
        assertThat(list.get()).containsExactly("only");
    }

    @Test
    void aNameHasOneKindOfState() {
        backend.getState(new ValueStateDescriptor<>("s", Integer.class));

        assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("s", Integer.class)))
                .hasMessageContaining("'s' is a ValueState").hasMessageContaining("ListState");
    }

    @Test
    void aKeyOfAnotherSubtaskIsRefusedNamingItsKeyGroup() {
        HeapKeyedStateBackend<String> half = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE, 128,
                KeyGroupRange.of(0, 63));
        String foreign = "key-0";
        for (int i = 0; KeyGroupRangeAssignment.assignToKeyGroup(foreign, 128) < 64; i++) {
            foreign = "key-" + i;
        }
        String key = foreign;

        assertThatThrownBy(() -> half.setKey(key)).hasMessageContaining("'" + key + "'")
                .hasMessageContaining("does not own");
    }

    @Test
    void stateNeedsACurrentKey() {
        ValueState<Integer> state = backend.getState(new ValueStateDescriptor<>("v", Integer.class));

        assertThatThrownBy(state::value).hasMessageContaining("No key is set");
    }

    /** Average of ints. */
    static final class Average implements AggregateFunction<Integer, long[], Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] accumulator) {
            accumulator[0] += value;
            accumulator[1]++;
            return accumulator;
        }

        @Override
        public Double getResult(long[] accumulator) {
            return (double) accumulator[0] / accumulator[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}

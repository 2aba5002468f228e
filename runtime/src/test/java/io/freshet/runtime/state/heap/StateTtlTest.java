package io.freshet.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.AggregatingState;
import io.freshet.api.common.state.AggregatingStateDescriptor;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReducingState;
import io.freshet.api.common.state.ReducingStateDescriptor;
import io.freshet.api.common.state.StateTtlConfig;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.runtime.state.KeyGroupRange;

/** State time-to-live on the heap backend, with a clock the test moves. */
class StateTtlTest {

    private long now = 1_000;
    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE, 128,
            KeyGroupRange.of(0, 127));

    StateTtlTest() {
        backend.setTtlClock(() -> now);
    }

    private static StateTtlConfig ttl(long millis) {
        return StateTtlConfig.newBuilder(Duration.ofMillis(millis)).build();
    }

    @Test
    void aValueExpiresAfterItsTimeToLiveSinceTheLastWrite() throws Exception {
        ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("v", Integer.class);
        descriptor.enableTimeToLive(ttl(100));
        ValueState<Integer> state = backend.getState(descriptor);
        backend.setCurrentKey("a");
        state.update(1);
        now += 60;
        assertThat(state.value()).isEqualTo(1);
        state.update(2); // the write starts the time to live again
        now += 60;
        assertThat(state.value()).isEqualTo(2);
        now += 40;
        assertThat(state.value()).as("100 ms after the last write").isNull();
        assertThat(backend.numberOfKeys()).as("the expired value is removed when read").isZero();
    }

    @Test
    void onReadAndWriteKeepsValuesThatAreReadAlive() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).updateTtlOnReadAndWrite()
                .build());
        ValueState<String> state = backend.getState(descriptor);
        backend.setCurrentKey("a");
        state.update("x");
        for (int i = 0; i < 5; i++) {
            now += 90;
            assertThat(state.value()).isEqualTo("x");
        }
        now += 100;
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUpStillReturnsTheStoredValue() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).returnExpiredIfNotCleanedUp()
                .build());
        ValueState<String> state = backend.getState(descriptor);
        backend.setCurrentKey("a");
        state.update("x");
        now += 500;
        assertThat(state.value()).isEqualTo("x");
    }

    @Test
    void listElementsAndMapEntriesExpireOneByOne() throws Exception {
        ListStateDescriptor<String> listDescriptor = new ListStateDescriptor<>("l", String.class);
        listDescriptor.enableTimeToLive(ttl(100));
        MapStateDescriptor<String, Integer> mapDescriptor = new MapStateDescriptor<>("m", Types.STRING, Types.INT);
        mapDescriptor.enableTimeToLive(ttl(100));
        ListState<String> list = backend.getListState(listDescriptor);
        MapState<String, Integer> map = backend.getMapState(mapDescriptor);
        backend.setCurrentKey("k");
        list.add("old");
        map.put("old", 1);
        now += 70;
        list.add("new");
        map.put("new", 2);
        now += 50;
        assertThat(list.get()).containsExactly("new");
        assertThat(map.contains("old")).isFalse();
        assertThat(map.get("new")).isEqualTo(2);
        assertThat(map.entries()).extracting(Map.Entry::getKey).containsExactly("new");
        now += 100;
        assertThat(list.get()).isEmpty();
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.numberOfKeys()).isZero();
        list.update(List.of("a", "b"));
        assertThat(list.get()).containsExactly("a", "b");
    }

    @Test
    void reducingAndAggregatingStateStartOverAfterExpiry() throws Exception {
        ReducingStateDescriptor<Long> sumDescriptor = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
        sumDescriptor.enableTimeToLive(ttl(100));
        AggregatingStateDescriptor<Long, long[], Long> countDescriptor = new AggregatingStateDescriptor<>("count",
                new io.freshet.api.common.functions.AggregateFunction<Long, long[], Long>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public long[] createAccumulator() {
                        return new long[1];
                    }

                    @Override
                    public long[] add(Long value, long[] accumulator) {
                        accumulator[0]++;
                        return accumulator;
                    }

                    @Override
                    public Long getResult(long[] accumulator) {
                        return accumulator[0];
                    }

                    @Override
                    public long[] merge(long[] a, long[] b) {
                        return new long[] {a[0] + b[0]};
                    }
                }, long[].class);
        countDescriptor.enableTimeToLive(ttl(100));
        ReducingState<Long> sum = backend.getReducingState(sumDescriptor);
        AggregatingState<Long, Long> count = backend.getAggregatingState(countDescriptor);
        backend.setCurrentKey("k");
        sum.add(5L);
        sum.add(7L);
        count.add(5L);
        count.add(7L);
        assertThat(sum.get()).isEqualTo(12);
        assertThat(count.get()).isEqualTo(2);
        now += 150;
        sum.add(1L);
        count.add(1L);
        assertThat(sum.get()).as("the expired sum is not added to").isEqualTo(1);
        assertThat(count.get()).isEqualTo(1);
    }

    @Test
    void aNonPositiveTimeToLiveIsRefused() {
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThat(StateTtlConfig.DISABLED.isEnabled()).isFalse();
        assertThat(new ValueStateDescriptor<>("v", Integer.class).getTtlConfig().isEnabled()).isFalse();
    }
}

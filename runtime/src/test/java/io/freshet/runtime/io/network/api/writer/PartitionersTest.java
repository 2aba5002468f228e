package io.freshet.runtime.io.network.api.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;

class PartitionersTest {

    private static int[] histogram(ChannelSelector<Integer> selector, int channels, int records) {
        selector.setup(channels);
        int[] counts = new int[channels];
        for (int i = 0; i < records; i++) {
            counts[selector.selectChannel(i)]++;
        }
        return counts;
    }

    @Test
    void keyGroupPartitionerSendsEachKeyToTheOwnerOfItsKeyGroup() {
        int maxParallelism = 128;
        int channels = 5;
        KeySelector<Tuple2<String, Integer>, String> byWord = t -> t.f0;
        KeyGroupStreamPartitioner<Tuple2<String, Integer>, String> partitioner =
                new KeyGroupStreamPartitioner<>(byWord, maxParallelism);
        partitioner.setup(channels);
        int[] counts = new int[channels];

        for (int i = 0; i < 20_000; i++) {
            String key = "key-" + i;
            int channel = partitioner.selectChannel(Tuple2.of(key, i));
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
            KeyGroupRange owned =
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, channels, channel);
            assertThat(owned.contains(keyGroup)).as("key %s in key group %d", key, keyGroup).isTrue();
            assertThat(partitioner.selectChannel(Tuple2.of(key, -i))).isEqualTo(channel);
            counts[channel]++;
        }
        // 128 key groups over 5 channels: 25 or 26 key groups each, so roughly a fifth of the keys each
        for (int count : counts) {
            assertThat(count).isBetween(3_200, 4_800);
        }
    }

    @Test
    void keyGroupPartitionerRejectsMoreChannelsThanKeyGroups() {
        assertThatThrownBy(() -> new KeyGroupStreamPartitioner<Integer, Integer>(i -> i, 4).setup(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum parallelism 4");
    }

    @Test
    void rebalanceIsRoundRobinAndEven() {
        RebalancePartitioner<Integer> rebalance = new RebalancePartitioner<>();
        int[] counts = histogram(rebalance, 7, 7_000);

        assertThat(counts).containsOnly(1_000);
        int previous = rebalance.selectChannel(0);
        for (int i = 0; i < 20; i++) {
            int next = rebalance.selectChannel(i);
            assertThat(next).isEqualTo((previous + 1) % 7);
            previous = next;
        }
    }

    @Test
    void rebalanceStartsAtARandomChannel() {
        boolean sawNonZeroStart = false;
        for (int i = 0; i < 200 && !sawNonZeroStart; i++) {
            RebalancePartitioner<Integer> rebalance = new RebalancePartitioner<>();
            rebalance.setup(16);
            sawNonZeroStart = rebalance.selectChannel(0) != 0;
        }
        assertThat(sawNonZeroStart).isTrue();
    }

    @Test
    void rescaleIsRoundRobinOverThePointwiseChannelsFromChannelZero() {
        RescalePartitioner<Integer> rescale = new RescalePartitioner<>();
        rescale.setup(3);

        assertThat(new int[] {rescale.selectChannel(1), rescale.selectChannel(2), rescale.selectChannel(3),
                rescale.selectChannel(4)}).containsExactly(0, 1, 2, 0);
        assertThat(histogram(new RescalePartitioner<>(), 2, 1_000)).containsExactly(500, 500);
        assertThat(rescale.isPointwise()).isTrue();
    }

    @Test
    void globalSendsEverythingToChannelZero() {
        assertThat(histogram(new GlobalPartitioner<>(), 4, 100)).containsExactly(100, 0, 0, 0);
    }

    @Test
    void forwardNeedsExactlyOneChannel() {
        assertThat(histogram(new ForwardPartitioner<>(), 1, 10)).containsExactly(10);
        assertThatThrownBy(() -> new ForwardPartitioner<Integer>().setup(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rebalance()");
    }

    @Test
    void broadcastSelectsNoSingleChannel() {
        BroadcastPartitioner<Integer> broadcast = new BroadcastPartitioner<>();
        broadcast.setup(3);

        assertThat(broadcast.isBroadcast()).isTrue();
        assertThatThrownBy(() -> broadcast.selectChannel(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void customPartitionerGetsTheKeyAndTheNumberOfChannels() {
        CustomPartitionerWrapper<Integer, Tuple2<Integer, String>> custom =
                new CustomPartitionerWrapper<>((key, n) -> key % n, t -> t.f0);
        custom.setup(4);

        for (int i = 0; i < 100; i++) {
            assertThat(custom.selectChannel(Tuple2.of(i, "x"))).isEqualTo(i % 4);
        }
        CustomPartitionerWrapper<Integer, Integer> broken = new CustomPartitionerWrapper<>((key, n) -> n, k -> k);
        broken.setup(4);
        assertThatThrownBy(() -> broken.selectChannel(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned partition 4, outside [0, 4)");
    }

    @Test
    void copiesAreFreshInstancesOfTheSameKind() {
        assertThat(new RebalancePartitioner<>().copy()).isInstanceOf(RebalancePartitioner.class);
        assertThat(new KeyGroupStreamPartitioner<Integer, Integer>(i -> i, 128).copy())
                .isInstanceOf(KeyGroupStreamPartitioner.class);
    }
}

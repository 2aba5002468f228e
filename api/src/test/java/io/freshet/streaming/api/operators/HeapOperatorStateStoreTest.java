package io.freshet.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/** Operator state written by some instances and restored into others, as a rescaled restore does. */
class HeapOperatorStateStoreTest {

    private static final ListStateDescriptor<Integer> SPLIT = new ListStateDescriptor<>("split", Types.INT);
    private static final ListStateDescriptor<Integer> UNION = new ListStateDescriptor<>("union", Types.INT);
    private static final MapStateDescriptor<String, String> RULES = new MapStateDescriptor<>("rules", Types.STRING,
            Types.STRING);

    /** Two old instances: 0 holds split 0..9 and union 100, 1 holds split 10..19 and union 101; both the same rule. */
    private static List<byte[]> twoOldInstances() throws Exception {
        List<byte[]> sections = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            HeapOperatorStateStore store = new HeapOperatorStateStore();
            ListState<Integer> split = store.getListState(SPLIT);
            for (int i = 0; i < 10; i++) {
                split.add(instance * 10 + i);
            }
            store.getUnionListState(UNION).add(100 + instance);
            store.getBroadcastState(RULES).put("mode", "strict");
            DataOutputSerializer out = new DataOutputSerializer(256);
            store.snapshot(out);
            sections.add(out.getCopyOfBuffer());
        }
        return sections;
    }

    private static HeapOperatorStateStore restored(List<byte[]> sections, int subtask, int parallelism)
            throws Exception {
        HeapOperatorStateStore store = new HeapOperatorStateStore();
        store.setSubtask(subtask, parallelism);
        for (byte[] section : sections) {
            store.restore(new DataInputDeserializer(section), 7);
        }
        return store;
    }

    @Test
    void atThreeInstancesEvenSplitListsAreSharedUnionListsCopiedBroadcastStateReplicated() throws Exception {
        List<byte[]> sections = twoOldInstances();
        List<Integer> all = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            HeapOperatorStateStore store = restored(sections, subtask, 3);
            List<Integer> share = new ArrayList<>();
            store.getListState(SPLIT).get().forEach(share::add);
            assertThat(share.size()).as("an even share").isBetween(6, 7);
            all.addAll(share);
            assertThat(store.getUnionListState(UNION).get()).containsExactly(100, 101);
            assertThat(store.getBroadcastState(RULES).get("mode")).isEqualTo("strict");
            assertThat(store.initializationContext(null).isRestored()).isTrue();
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void atTheSameParallelismAnInstanceGetsItsOwnListBack() throws Exception {
        List<byte[]> sections = twoOldInstances();
        HeapOperatorStateStore store = restored(sections.subList(1, 2), 1, 2);
        assertThat(store.getListState(SPLIT).get()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    }
}

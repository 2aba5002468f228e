package io.freshet.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;
import io.freshet.runtime.state.KeyGroupsStateHandle;

/**
 * Snapshots of the heap keyed backend: written key group by key group in chunks, read back whole or, at another
 * parallelism, by the key groups each new backend owns.
 */
class HeapKeyedStateSnapshotTest {

    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 20_000;

    private static String key(int i) {
        return "key-" + i;
    }

    /** Fills value, list and map state for KEYS keys: a few MB, so the snapshot spans many chunks. */
    private static HeapKeyedStateBackend<String> filled(KeyGroupRange range) throws Exception {
        HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE,
                MAX_PARALLELISM, range);
        ValueState<String> value = backend.getState(new ValueStateDescriptor<>("value", Types.STRING));
        ListState<Integer> list = backend.getListState(new ListStateDescriptor<>("list", Types.INT));
        MapState<String, Long> map = backend.getMapState(new MapStateDescriptor<>("map", Types.STRING, Types.LONG));
        for (int i = 0; i < KEYS; i++) {
            String key = key(i);
            if (!range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                continue;
            }
            backend.setKey(key);
            value.update("value of " + key + " ".repeat(100));
            list.add(i);
            list.add(-i);
            map.put("m" + i, (long) i * 7);
        }
        return backend;
    }

    private static void assertHolds(HeapKeyedStateBackend<String> backend, int key) throws Exception {
        backend.setKey(key(key));
        assertThat(backend.getState(new ValueStateDescriptor<>("value", Types.STRING)).value())
                .isEqualTo("value of " + key(key) + " ".repeat(100));
        assertThat(backend.getListState(new ListStateDescriptor<>("list", Types.INT)).get()).containsExactly(key, -key);
        assertThat(backend.getMapState(new MapStateDescriptor<>("map", Types.STRING, Types.LONG)).get("m" + key))
                .isEqualTo(key * 7L);
    }

    @Test
    void aSnapshotOfManyChunksRestoresAtOtherParallelisms() throws Exception {
        // written by two subtasks
        List<KeyGroupsStateHandle> handles = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            handles.add(filled(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2,
                    subtask)).snapshot());
        }
        assertThat(handles.get(0).getStateSize()).as("more than one 256 KB chunk").isGreaterThan(1 << 20);

        for (int parallelism : new int[] {1, 3}) {
            List<HeapKeyedStateBackend<String>> restored = new ArrayList<>();
            for (int subtask = 0; subtask < parallelism; subtask++) {
                HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE,
                        MAX_PARALLELISM, KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                                MAX_PARALLELISM, parallelism, subtask));
                backend.restore(handles);
                restored.add(backend);
            }
            int keys = 0;
            for (HeapKeyedStateBackend<String> backend : restored) {
                keys += backend.numberOfKeys();
            }
            assertThat(keys).as("every key restored once at parallelism %d", parallelism).isEqualTo(KEYS);
            for (int i = 0; i < KEYS; i += 97) {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key(i), MAX_PARALLELISM);
                for (HeapKeyedStateBackend<String> backend : restored) {
                    if (backend.getKeyGroupRange().contains(keyGroup)) {
                        assertHolds(backend, i);
                    }
                }
            }
        }
    }

    @Test
    void aStateAskedForAsAnotherKindIsRefusedByName() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        KeyGroupsStateHandle handle = filled(all).snapshot();
        HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE,
                MAX_PARALLELISM, all);
        backend.restore(List.of(handle));
        assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("value", Types.STRING)))
                .hasMessageContaining("'value'").hasMessageContaining("give each state its own name");
        assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("list", Types.LONG)))
                .hasMessageContaining("'list'");
    }

    /**
     * An asynchronous snapshot holds the state as it was when it was taken, whatever the task does before it is
     * written: values replaced, removed and added, lists and maps changed in place, and a mutable value changed in the
     * object the state handed out.
     */
    @Test
    void anAsynchronousSnapshotIsNotChangedByWhatTheTaskDoesMeanwhile() throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        HeapKeyedStateBackend<String> backend = filled(all);
        ValueState<int[]> counters = backend.getState(new ValueStateDescriptor<>("counters",
                io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO));
        for (int i = 0; i < 100; i++) {
            backend.setKey(key(i));
            counters.update(new int[] {i});
        }

        HeapKeyedStateBackend.KeyedSnapshot snapshot = backend.snapshotAsync();
        ValueState<String> value = backend.getState(new ValueStateDescriptor<>("value", Types.STRING));
        ListState<Integer> list = backend.getListState(new ListStateDescriptor<>("list", Types.INT));
        MapState<String, Long> map = backend.getMapState(new MapStateDescriptor<>("map", Types.STRING, Types.LONG));
        for (int i = 0; i < KEYS; i++) {
            backend.setKey(key(i));
            if (i % 3 == 0) {
                value.clear();
            } else {
                value.update("changed");
            }
            list.add(1_000_000);
            map.put("m" + i, -1L);
            map.put("extra", 1L);
            if (i < 100) {
                counters.value()[0] = -1; // in place, as programs do with heap state
            }
        }
        backend.setKey("a key that came after the snapshot");
        value.update("new");
        KeyGroupsStateHandle handle = snapshot.write(null);
        backend.snapshotWritten(snapshot);

        HeapKeyedStateBackend<String> restored = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE,
                MAX_PARALLELISM, all);
        restored.restore(List.of(handle));
        assertThat(restored.numberOfKeys()).isEqualTo(KEYS);
        for (int i = 0; i < KEYS; i += 7) {
            assertHolds(restored, i);
        }
        ValueState<int[]> restoredCounters = restored.getState(new ValueStateDescriptor<>("counters",
                io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO));
        for (int i = 0; i < 100; i++) {
            restored.setKey(key(i));
            assertThat(restoredCounters.value()).as("counter of %s", key(i)).containsExactly(i);
        }
        // and the task's own state has every change
        backend.setKey(key(1));
        assertThat(value.value()).isEqualTo("changed");
        assertThat(list.get()).containsExactly(1, -1, 1_000_000);
        assertThat(counters.value()).containsExactly(-1);
    }

    @Test
    void aSnapshotWrittenToAFileIsReadBackChunkByChunkAndDamageIsNamed(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path directory) throws Exception {
        KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
        java.nio.file.Path file = directory.resolve("keyed-state");
        HeapKeyedStateBackend<String> backend = filled(all);
        HeapKeyedStateBackend.KeyedSnapshot snapshot = backend.snapshotAsync();
        KeyGroupsStateHandle handle = snapshot.write(new io.freshet.core.fs.Path(file.toUri()));
        backend.snapshotWritten(snapshot);
        assertThat(handle.getFile()).isNotNull();
        assertThat(java.nio.file.Files.size(file)).isEqualTo(handle.getStateSize()).isGreaterThan(1 << 20);

        HeapKeyedStateBackend<String> restored = new HeapKeyedStateBackend<>(StringSerializer.INSTANCE,
                MAX_PARALLELISM, all);
        restored.restore(List.of(copyOf(handle)));
        assertThat(restored.numberOfKeys()).isEqualTo(KEYS);
        assertHolds(restored, 4242);

        byte[] original = java.nio.file.Files.readAllBytes(file);
        byte[] bytes = original.clone();
        bytes[bytes.length / 2] ^= 0x5a;
        java.nio.file.Files.write(file, bytes);
        assertThatThrownBy(() -> new HeapKeyedStateBackend<>(StringSerializer.INSTANCE, MAX_PARALLELISM, all)
                .restore(List.of(copyOf(handle))))
                .hasMessageContaining(file.getFileName().toString()).hasMessageContaining("is corrupted");

        java.nio.file.Files.write(file, java.util.Arrays.copyOf(original, original.length - 100));
        assertThatThrownBy(() -> new HeapKeyedStateBackend<>(StringSerializer.INSTANCE, MAX_PARALLELISM, all)
                .restore(List.of(copyOf(handle))))
                .hasMessageContaining(file.getFileName().toString()).hasMessageContaining("truncated");
    }

    /** The handle as a restore gets it: through Java serialization (with the checkpoint's metadata). */
    private static KeyGroupsStateHandle copyOf(KeyGroupsStateHandle handle) throws Exception {
        return io.freshet.util.InstantiationUtil.deserializeObject(io.freshet.util.InstantiationUtil.serializeObject(
                handle), HeapKeyedStateSnapshotTest.class.getClassLoader());
    }
}

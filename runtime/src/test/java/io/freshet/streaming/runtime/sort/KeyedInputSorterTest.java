package io.freshet.streaming.runtime.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.runtime.memory.MemoryAllocationException;
import io.freshet.runtime.memory.MemoryManager;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** The BATCH input sorter with real managed memory and real spill files. */
class KeyedInputSorterTest {

    private static final int PAGE = 4096;

    @TempDir
    Path tempDir;

    @SuppressWarnings("unchecked")
    private static final TypeSerializer<Tuple2<String, Long>> SERIALIZER = (TypeSerializer<Tuple2<String, Long>>)
            (TypeSerializer<?>) Types.TUPLE(Types.STRING, Types.LONG).createSerializer(new ExecutionConfig());

    private KeyedInputSorter<Tuple2<String, Long>> sorter(MemoryManager memory, long sortMemory) throws Exception {
        return new KeyedInputSorter<>("Keyed Reduce", value -> value.f0, StringSerializer.INSTANCE, SERIALIZER, memory,
                sortMemory, new File[] {tempDir.toFile()});
    }

    /** Drains the sorted records as (key, timestamp, value, new-key flag) rows and checks their order. */
    private static List<String> drain(KeyedInputSorter.SortedRecords<Tuple2<String, Long>> sorted) throws Exception {
        List<String> rows = new ArrayList<>();
        while (sorted.next()) {
            StreamRecord<Tuple2<String, Long>> record = sorted.record();
            rows.add(record.getValue().f0 + "|" + record.getTimestamp() + "|" + record.getValue().f1 + "|"
                    + sorted.isNewKey());
        }
        return rows;
    }

    @Test
    void recordsComeOutGroupedByKeyInTimestampOrderFromMemory() throws Exception {
        try (MemoryManager memory = new MemoryManager(64 * PAGE, PAGE);
                KeyedInputSorter<Tuple2<String, Long>> sorter = sorter(memory, 64 * PAGE)) {
            sorter.add(new StreamRecord<>(Tuple2.of("b", 1L), 30));
            sorter.add(new StreamRecord<>(Tuple2.of("a", 2L), 20));
            sorter.add(new StreamRecord<>(Tuple2.of("b", 3L), 10));
            sorter.add(new StreamRecord<>(Tuple2.of("averyveryverylongkey", 4L), 5));
            sorter.add(new StreamRecord<>(Tuple2.of("a", 5L), 10));

            List<String> rows = drain(sorter.sorted());

            assertThat(sorter.spilledRuns()).isZero();
            // keys grouped (in the order of their serialized bytes), timestamps ascending within a key
            assertThat(rows).containsExactly("a|10|5|true", "a|20|2|false", "b|10|3|true", "b|30|1|false",
                    "averyveryverylongkey|5|4|true");
        }
        // every page went back to the memory manager
    }

    @Test
    void aLargeInputSpillsSortedRunsAndMergesThemExactly() throws Exception {
        Random random = new Random(42);
        Map<String, Long> expectedSums = new HashMap<>();
        Map<String, Integer> expectedCounts = new HashMap<>();
        try (MemoryManager memory = new MemoryManager(16 * PAGE, PAGE);
                KeyedInputSorter<Tuple2<String, Long>> sorter = sorter(memory, 8 * PAGE)) {
            for (int i = 0; i < 100_000; i++) {
                String key = "key-" + random.nextInt(1_000);
                long value = random.nextInt(1_000_000);
                sorter.add(new StreamRecord<>(Tuple2.of(key, value), random.nextInt(10_000)));
                expectedSums.merge(key, value, Long::sum);
                expectedCounts.merge(key, 1, Integer::sum);
            }
            assertThat(sorter.spilledRuns()).as("8 pages of 4 KiB hold far fewer than 100,000 records")
                    .isGreaterThan(10);
            assertThat(tempDir.toFile().listFiles()).hasSize(sorter.spilledRuns());

            KeyedInputSorter.SortedRecords<Tuple2<String, Long>> sorted = sorter.sorted();
            Map<String, Long> sums = new HashMap<>();
            Map<String, Integer> groups = new HashMap<>();
            String currentKey = null;
            long lastTimestamp = Long.MIN_VALUE;
            int records = 0;
            while (sorted.next()) {
                StreamRecord<Tuple2<String, Long>> record = sorted.record();
                String key = record.getValue().f0;
                if (sorted.isNewKey()) {
                    groups.merge(key, 1, Integer::sum);
                    currentKey = key;
                    lastTimestamp = Long.MIN_VALUE;
                }
                assertThat(key).isEqualTo(currentKey);
                assertThat(record.getTimestamp()).isGreaterThanOrEqualTo(lastTimestamp);
                lastTimestamp = record.getTimestamp();
                sums.merge(key, record.getValue().f1, Long::sum);
                records++;
            }
            assertThat(records).isEqualTo(100_000);
            assertThat(sums).isEqualTo(expectedSums);
            assertThat(groups).as("each key comes as one group").hasSize(expectedCounts.size())
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        }
        assertThat(tempDir.toFile().listFiles()).as("closing deletes the runs").isEmpty();
    }

    @Test
    void everySortMemorySizeGivesEveryRecordBackInOrder() throws Exception {
        for (int budgetPages = 2; budgetPages <= 12; budgetPages++) {
            Random random = new Random(budgetPages);
            Map<String, Long> expected = new HashMap<>();
            try (MemoryManager memory = new MemoryManager(16 * PAGE, PAGE);
                    KeyedInputSorter<Tuple2<String, Long>> sorter = sorter(memory, (long) budgetPages * PAGE)) {
                for (int i = 0; i < 5_000; i++) {
                    String key = "k".repeat(1 + random.nextInt(90)) + random.nextInt(50);
                    long value = random.nextInt(1_000);
                    sorter.add(new StreamRecord<>(Tuple2.of(key, value), random.nextInt(100)));
                    expected.merge(key, value, Long::sum);
                }
                KeyedInputSorter.SortedRecords<Tuple2<String, Long>> sorted = sorter.sorted();
                Map<String, Long> sums = new HashMap<>();
                String previous = null;
                while (sorted.next()) {
                    String key = sorted.record().getValue().f0;
                    assertThat(sorted.isNewKey()).as("budget %d pages", budgetPages).isEqualTo(!key.equals(previous));
                    assertThat(sums.containsKey(key) && sorted.isNewKey()).as("a key comes as one group").isFalse();
                    sums.merge(key, sorted.record().getValue().f1, Long::sum);
                    previous = key;
                }
                assertThat(sums).as("budget %d pages", budgetPages).isEqualTo(expected);
            }
        }
    }

    @Test
    void recordsLargerThanAPageSpanPages() throws Exception {
        String big = "x".repeat(3 * PAGE);
        try (MemoryManager memory = new MemoryManager(16 * PAGE, PAGE);
                KeyedInputSorter<Tuple2<String, Long>> sorter = new KeyedInputSorter<>("Keyed Reduce",
                        value -> value.f1, Types.LONG.createSerializer(new ExecutionConfig()), SERIALIZER, memory,
                        8 * PAGE, new File[] {tempDir.toFile()})) {
            for (long i = 0; i < 20; i++) {
                sorter.add(new StreamRecord<>(Tuple2.of(big + i, 19 - i)));
            }
            assertThat(sorter.spilledRuns()).isPositive();
            KeyedInputSorter.SortedRecords<Tuple2<String, Long>> sorted = sorter.sorted();
            List<Long> keys = new ArrayList<>();
            while (sorted.next()) {
                assertThat(sorted.record().getValue().f0).isEqualTo(big + (19 - sorted.record().getValue().f1));
                assertThat(sorted.record().hasTimestamp()).isFalse();
                keys.add(sorted.record().getValue().f1);
            }
            assertThat(keys).hasSize(20).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRecordLargerThanTheSortMemoryIsRefusedNamingTheOperatorAndOption() throws Exception {
        try (MemoryManager memory = new MemoryManager(4 * PAGE, PAGE);
                KeyedInputSorter<Tuple2<String, Long>> sorter = new KeyedInputSorter<>("Keyed Reduce",
                        value -> value.f1, Types.LONG.createSerializer(new ExecutionConfig()), SERIALIZER, memory,
                        2 * PAGE, new File[] {tempDir.toFile()})) {
            assertThatThrownBy(() -> sorter.add(new StreamRecord<>(Tuple2.of("y".repeat(3 * PAGE), 1L))))
                    .hasMessageContaining("'Keyed Reduce'").hasMessageContaining("execution.sorted-inputs.memory");
            sorter.add(new StreamRecord<>(Tuple2.of("small", 2L)));
            assertThat(sorter.recordsAdded()).as("the sorter stays usable").isEqualTo(1);
        }
    }

    @Test
    void noFreeManagedMemoryIsAClearError() throws Exception {
        try (MemoryManager memory = new MemoryManager(2 * PAGE, PAGE)) {
            memory.allocatePages("someone else", 2);
            assertThatThrownBy(() -> sorter(memory, 2 * PAGE)).isInstanceOf(MemoryAllocationException.class)
                    .hasMessageContaining("'Keyed Reduce'").hasMessageContaining("taskmanager.memory.managed.size");
        }
    }
}

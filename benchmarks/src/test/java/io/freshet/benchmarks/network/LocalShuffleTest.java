package io.freshet.benchmarks.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Both contenders of the local and the remote (loopback) shuffle benchmarks move every record, and the consumer sees
 * the same records.
 */
class LocalShuffleTest {

    private static long expectedChecksum(LocalShuffle.RecordType type, int records) {
        var pairs = LocalShuffle.longPairs();
        var arrays = LocalShuffle.byteArrays();
        long sum = 0;
        for (int i = 0; i < records; i++) {
            int index = i % LocalShuffle.DISTINCT_RECORDS;
            sum += type == LocalShuffle.RecordType.TUPLE_16B
                    ? LocalShuffle.checksum(pairs.get(index))
                    : LocalShuffle.checksum(arrays.get(index));
        }
        return sum;
    }

    @Test
    void bothContendersDeliverEveryRecordOfBothTypes() throws Exception {
        int records = 5_000;
        for (LocalShuffle.RecordType type : LocalShuffle.RecordType.values()) {
            long expected = expectedChecksum(type, records);
            for (boolean freshet : new boolean[] {true, false}) {
                try (LocalShuffle.Shuffle shuffle = LocalShuffle.create(freshet, type)) {
                    shuffle.write(records / 2);
                    shuffle.write(records / 2);

                    assertThat(shuffle.drain()).as("%s freshet=%s", type, freshet).isEqualTo(records);
                    assertThat(shuffle.checksum()).as("%s freshet=%s", type, freshet).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void bothRemoteContendersDeliverEveryRecordOfBothTypes() throws Exception {
        int records = 5_000;
        for (LocalShuffle.RecordType type : LocalShuffle.RecordType.values()) {
            long expected = expectedChecksum(type, records);
            for (boolean freshet : new boolean[] {true, false}) {
                try (LocalShuffle.Shuffle shuffle = NettyShuffle.create(freshet, type)) {
                    shuffle.write(records / 2);
                    shuffle.write(records / 2);

                    assertThat(shuffle.drain()).as("%s freshet=%s", type, freshet).isEqualTo(records);
                    assertThat(shuffle.checksum()).as("%s freshet=%s", type, freshet).isEqualTo(expected);
                }
            }
        }
    }
}

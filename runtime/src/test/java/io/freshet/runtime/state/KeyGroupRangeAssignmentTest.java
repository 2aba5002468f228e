package io.freshet.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyGroupRangeAssignmentTest {

    @Test
    void murmurHashMatchesThePublishedMurmur3VectorsOfFourBytes() {
        // MurmurHash3_x86_32, seed 0: 00 00 00 00 -> 0x2362F9DE, FF FF FF FF -> 0x76293B50
        assertThat(KeyGroupRangeAssignment.murmurHash(0)).isEqualTo(0x2362F9DE);
        assertThat(KeyGroupRangeAssignment.murmurHash(-1)).isEqualTo(0x76293B50);
        // a negative hash is made non-negative
        assertThat(KeyGroupRangeAssignment.murmurHash(1)).isEqualTo(-0xfbf1402a);
    }

    @Test
    void keyGroupDependsOnlyOnTheKeyAndMaxParallelism() {
        for (int key = -1000; key < 1000; key++) {
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, 128);
            assertThat(keyGroup).isBetween(0, 127)
                    .isEqualTo(KeyGroupRangeAssignment.computeKeyGroupForKeyHash(Integer.hashCode(key), 128));
        }
    }

    @Test
    void rangesPartitionAllKeyGroupsConsistentlyWithTheOperatorIndex() {
        int[] maxParallelisms = {1, 7, 128, 1000, 32768};
        for (int maxParallelism : maxParallelisms) {
            for (int parallelism = 1; parallelism <= Math.min(maxParallelism, 24); parallelism++) {
                int expectedStart = 0;
                for (int index = 0; index < parallelism; index++) {
                    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                            maxParallelism, parallelism, index);
                    assertThat(range.getStartKeyGroup()).isEqualTo(expectedStart);
                    assertThat(range.getNumberOfKeyGroups())
                            .isBetween(maxParallelism / parallelism, maxParallelism / parallelism + 1);
                    for (int keyGroup = range.getStartKeyGroup(); keyGroup <= range.getEndKeyGroup(); keyGroup++) {
                        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism,
                                parallelism, keyGroup)).isEqualTo(index);
                    }
                    expectedStart = range.getEndKeyGroup() + 1;
                }
                assertThat(expectedStart).isEqualTo(maxParallelism);
            }
        }
    }

    @Test
    void defaultMaxParallelismIsOneAndAHalfTimesRoundedUpToAPowerOfTwoWithinBounds() {
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(1)).isEqualTo(128);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(85)).isEqualTo(128);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(86)).isEqualTo(256);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(200)).isEqualTo(512);
        assertThat(KeyGroupRangeAssignment.computeDefaultMaxParallelism(30000)).isEqualTo(32768);
    }

    @Test
    void nullKeysAndBadParallelismsAreRejected() {
        assertThatThrownBy(() -> KeyGroupRangeAssignment.assignToKeyGroup(null, 128))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("KeySelector");
        assertThatThrownBy(() -> KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(4, 8, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGroupRangeAssignment.computeDefaultMaxParallelism(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyGroupRangeContainsAndIntersects() {
        KeyGroupRange range = KeyGroupRange.of(10, 19);

        assertThat(range.contains(10)).isTrue();
        assertThat(range.contains(20)).isFalse();
        assertThat(range.getNumberOfKeyGroups()).isEqualTo(10);
        assertThat(range.getIntersection(KeyGroupRange.of(15, 30))).isEqualTo(KeyGroupRange.of(15, 19));
        assertThat(range.getIntersection(KeyGroupRange.of(20, 30))).isSameAs(KeyGroupRange.EMPTY_KEY_GROUP_RANGE);
        assertThat(KeyGroupRange.EMPTY_KEY_GROUP_RANGE.getNumberOfKeyGroups()).isZero();
    }
}

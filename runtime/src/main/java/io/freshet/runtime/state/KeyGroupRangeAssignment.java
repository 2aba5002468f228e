package io.freshet.runtime.state;

/**
 * Maps keys to key groups and key groups to parallel operator instances.
 *
 * <p>Laws (they decide where keyed state lives, so they never change):
 * <ul>
 *   <li>{@code keyGroup(key) = murmur(key.hashCode()) mod maxParallelism}: the same for every parallelism, so a
 *       key keeps its key group across rescaling. The murmur step spreads poor {@code hashCode}s (small integers,
 *       strings with shared suffixes) evenly.</li>
 *   <li>{@code operatorIndex(keyGroup) = keyGroup * parallelism / maxParallelism}: consecutive key groups go to
 *       the same instance, so each instance owns one contiguous {@link KeyGroupRange}, and the ranges of all
 *       instances partition {@code [0, maxParallelism)} with sizes differing by at most one.</li>
 * </ul>
 */
public final class KeyGroupRangeAssignment {

    /** The default maximum parallelism is never below this. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 1 << 7;

    /** The largest maximum parallelism (key groups are stored in 2 bytes in snapshots). */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    /** The index of the operator instance that owns {@code key}. */
    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /** The key group of {@code key}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("a key must not be null: check the KeySelector of the keyed stream");
        }
        return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
    }

    /** The key group of a key whose {@code hashCode()} is {@code keyHash}. */
    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return murmurHash(keyHash) % maxParallelism;
    }

    /** The index of the operator instance that owns {@code keyGroupId}. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroupId) {
        return (int) ((long) keyGroupId * parallelism / maxParallelism);
    }

    /** The key groups owned by instance {@code operatorIndex}: exactly those mapped to it by the rule above. */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism,
            int operatorIndex) {
        checkParallelismPreconditions(parallelism);
        checkParallelismPreconditions(maxParallelism);
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException("the maximum parallelism (" + maxParallelism + ") must not be smaller"
                    + " than the parallelism (" + parallelism + ")");
        }
        if (operatorIndex < 0 || operatorIndex >= parallelism) {
            throw new IllegalArgumentException("operator index " + operatorIndex + " outside [0, " + parallelism + ")");
        }
        // smallest g with g * p / m >= i, and largest g with g * p / m <= i
        int start = (int) (((long) operatorIndex * maxParallelism + parallelism - 1) / parallelism);
        int end = (int) (((long) (operatorIndex + 1) * maxParallelism - 1) / parallelism);
        return KeyGroupRange.of(start, end);
    }

    /**
     * The maximum parallelism used when none is set: 1.5 × the parallelism rounded up to a power of two, at least
     * 128 and at most 32768.
     */
    public static int computeDefaultMaxParallelism(int operatorParallelism) {
        checkParallelismPreconditions(operatorParallelism);
        long target = operatorParallelism + (long) (operatorParallelism / 2);
        long powerOfTwo = Long.highestOneBit(Math.max(1, target - 1)) << 1;
        if (target <= 1) {
            powerOfTwo = 1;
        }
        return (int) Math.min(Math.max(powerOfTwo, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    public static void checkParallelismPreconditions(int parallelism) {
        if (parallelism <= 0 || parallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be in [1, " + UPPER_BOUND_MAX_PARALLELISM
                    + "], got " + parallelism);
        }
    }

    /**
     * MurmurHash3 (x86, 32 bit, seed 0) of the 4 bytes of {@code code}, made non-negative: one block of the body
     * (multiply, rotate, multiply; mix into the hash, rotate, multiply-add), the length, then the finalization mix.
     */
    public static int murmurHash(int code) {
        int k = code * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;

        int h = k; // seed 0 ^ k
        h = Integer.rotateLeft(h, 13);
        h = h * 5 + 0xe6546b64;

        h ^= 4; // length in bytes
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;

        if (h >= 0) {
            return h;
        }
        return h == Integer.MIN_VALUE ? 0 : -h;
    }
}

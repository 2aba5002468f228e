package io.freshet.streaming.api.windowing.assigners;

/**
 * How far each parallel window operator shifts its tumbling windows, so that windows of many keys do not all
 * fire at once. The offset is chosen once per operator instance, when it sees its first element, and added to
 * the assigner's own offset.
 */
public enum WindowStagger {

    /** No shift: every operator's windows start at multiples of the size (plus the assigner's offset). */
    ALIGNED {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    },

    /** A shift drawn uniformly from [0, size). */
    RANDOM {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return java.util.concurrent.ThreadLocalRandom.current().nextLong(size);
        }
    },

    /** The shift that makes a window start at the processing time the operator saw its first element. */
    NATURAL {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return Math.floorMod(currentProcessingTime, size);
        }
    };

    /** The offset, in [0, size), for an operator that sees its first element at {@code currentProcessingTime}. */
    public abstract long getStaggerOffset(long currentProcessingTime, long size);
}

package io.freshet.runtime.state;

import java.io.Serializable;

/**
 * An inclusive range {@code [start, end]} of key groups: the key groups one parallel operator instance owns.
 *
 * <p>Key groups are the unit of keyed state and of its redistribution: a job has {@code maxParallelism} key
 * groups, numbered from 0; every key belongs to exactly one of them forever (see {@link KeyGroupRangeAssignment});
 * each instance owns one contiguous range, and the ranges of all instances partition {@code [0, maxParallelism)}.
 * Rescaling moves whole key groups between instances, never single keys. Immutable.
 */
public final class KeyGroupRange implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The range with no key groups. */
    public static final KeyGroupRange EMPTY_KEY_GROUP_RANGE = new KeyGroupRange();

    private final int startKeyGroup;
    private final int endKeyGroup;

    private KeyGroupRange() {
        this.startKeyGroup = 0;
        this.endKeyGroup = -1;
    }

    public KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        if (startKeyGroup < 0) {
            throw new IllegalArgumentException("key groups start at 0, got " + startKeyGroup);
        }
        if (endKeyGroup < startKeyGroup) {
            throw new IllegalArgumentException("key group range end " + endKeyGroup + " is before its start "
                    + startKeyGroup + "; use EMPTY_KEY_GROUP_RANGE for no key groups");
        }
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    /** {@code [start, end]}, or the empty range when {@code end < start}. */
    public static KeyGroupRange of(int startKeyGroup, int endKeyGroup) {
        return endKeyGroup < startKeyGroup ? EMPTY_KEY_GROUP_RANGE : new KeyGroupRange(startKeyGroup, endKeyGroup);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public int getNumberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    /** The key groups in both ranges. */
    public KeyGroupRange getIntersection(KeyGroupRange other) {
        return of(Math.max(startKeyGroup, other.startKeyGroup), Math.min(endKeyGroup, other.endKeyGroup));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KeyGroupRange)) {
            return false;
        }
        KeyGroupRange other = (KeyGroupRange) o;
        return startKeyGroup == other.startKeyGroup && endKeyGroup == other.endKeyGroup;
    }

    @Override
    public int hashCode() {
        return 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return "KeyGroupRange{startKeyGroup=" + startKeyGroup + ", endKeyGroup=" + endKeyGroup + "}";
    }

    private Object readResolve() {
        return endKeyGroup < startKeyGroup ? EMPTY_KEY_GROUP_RANGE : this;
    }
}

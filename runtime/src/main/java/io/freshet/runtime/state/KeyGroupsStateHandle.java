package io.freshet.runtime.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * The keyed state one subtask wrote in a checkpoint: a header (the states, their serializers), then its key groups
 * one after another, with the offset of each, so that a restore, at any parallelism, reads just the key groups it
 * owns.
 */
public final class KeyGroupsStateHandle implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeyGroupRange keyGroupRange;
    private final int[] offsets;
    private final byte[] data;

    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] offsets, byte[] data) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.data = Objects.requireNonNull(data, "data");
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** Where key group {@code keyGroup}'s entries start in {@link #getData()}. */
    public int getOffset(int keyGroup) {
        return offsets[keyGroup - keyGroupRange.getStartKeyGroup()];
    }

    public byte[] getData() {
        return data;
    }

    public long getStateSize() {
        return data.length;
    }
}

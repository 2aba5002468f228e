package io.freshet.runtime.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * The keyed state one subtask wrote in a checkpoint: a header (the states, their serializers) at the start of the
 * first chunk, then its key groups one after another, each within one chunk, with where each starts, so that a
 * restore, at any parallelism, reads just the key groups it owns. The bytes are cut into chunks of a few hundred KB
 * so that a large state is no single huge array (which garbage collectors such as G1 handle badly).
 */
public final class KeyGroupsStateHandle implements Serializable {

    private static final long serialVersionUID = 2L;

    private final KeyGroupRange keyGroupRange;
    private final int[] chunkOfKeyGroup;
    private final int[] offsets;
    private final byte[][] chunks;

    /** One chunk holding everything. */
    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] offsets, byte[] data) {
        this(keyGroupRange, new int[offsets.length], offsets, new byte[][] {data});
    }

    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] chunkOfKeyGroup, int[] offsets, byte[][] chunks) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.chunkOfKeyGroup = Objects.requireNonNull(chunkOfKeyGroup, "chunkOfKeyGroup");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.chunks = Objects.requireNonNull(chunks, "chunks");
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()
                || chunkOfKeyGroup.length != keyGroupRange.getNumberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** The chunk holding the header (always the first). */
    public byte[] getHeaderChunk() {
        return chunks[0];
    }

    /** The chunk holding key group {@code keyGroup}. */
    public byte[] getChunk(int keyGroup) {
        return chunks[chunkOfKeyGroup[keyGroup - keyGroupRange.getStartKeyGroup()]];
    }

    /** Where key group {@code keyGroup}'s entries start in {@link #getChunk(int)}. */
    public int getOffset(int keyGroup) {
        return offsets[keyGroup - keyGroupRange.getStartKeyGroup()];
    }

    public long getStateSize() {
        long size = 0;
        for (byte[] chunk : chunks) {
            size += chunk.length;
        }
        return size;
    }
}

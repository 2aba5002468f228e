package io.freshet.connector.file.src.util;

import java.io.Serializable;

/**
 * Where a reader stood in a split when a checkpoint was taken: a byte offset to seek to ({@link #NO_OFFSET}: the
 * split's start) and how many records after it were already emitted.
 */
public final class CheckpointedPosition implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final long NO_OFFSET = -1L;

    private final long offset;
    private final long recordsAfterOffset;

    public CheckpointedPosition(long offset, long recordsAfterOffset) {
        if (recordsAfterOffset < 0) {
            throw new IllegalArgumentException("recordsAfterOffset must not be negative: " + recordsAfterOffset);
        }
        this.offset = offset;
        this.recordsAfterOffset = recordsAfterOffset;
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordsAfterOffset() {
        return recordsAfterOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointedPosition && ((CheckpointedPosition) o).offset == offset
                && ((CheckpointedPosition) o).recordsAfterOffset == recordsAfterOffset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Long.hashCode(recordsAfterOffset);
    }

    @Override
    public String toString() {
        return "CheckpointedPosition: offset=" + (offset == NO_OFFSET ? "NO_OFFSET" : String.valueOf(offset))
                + ", recordsToSkip=" + recordsAfterOffset;
    }
}

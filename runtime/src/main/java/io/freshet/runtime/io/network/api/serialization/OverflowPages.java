package io.freshet.runtime.io.network.api.serialization;

import java.util.ArrayList;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;

/**
 * Heap pages of the network buffer size where a {@link BufferWritingView} puts the part of a record that does not
 * fit into the current buffer while the record's length is still unknown. One instance serves all channels of one
 * writer (one thread, one record at a time). Pages are allocated when first needed and kept: the set grows to the
 * largest record seen, so steady state allocates nothing.
 */
public final class OverflowPages {

    private final int pageSize;
    private final ArrayList<MemorySegment> pages = new ArrayList<>();

    public OverflowPages(int pageSize) {
        this.pageSize = pageSize;
    }

    MemorySegment page(int index) {
        while (pages.size() <= index) {
            pages.add(MemorySegmentFactory.allocateUnpooledSegment(pageSize, this));
        }
        return pages.get(index);
    }

    public int getPageSize() {
        return pageSize;
    }

    /** The pages held for reuse. */
    public int size() {
        return pages.size();
    }
}

package io.freshet.api.common.typeutils;

import java.io.EOFException;
import java.util.List;

import io.freshet.core.memory.AbstractPagedInputView;
import io.freshet.core.memory.MemorySegment;

/** Reads the pages collected by a {@link PagedTestOutputView}; the end of the last page is the end of the input. */
public final class PagedTestInputView extends AbstractPagedInputView {

    private final List<MemorySegment> pages;
    private final List<Integer> limits;
    private int nextPage;

    PagedTestInputView(List<MemorySegment> pages, List<Integer> limits, int headerLength) {
        super(headerLength);
        this.pages = pages;
        this.limits = limits;
    }

    @Override
    protected MemorySegment nextSegment(MemorySegment current) throws EOFException {
        if (nextPage >= pages.size()) {
            throw new EOFException("no page after page " + (nextPage - 1) + " of " + pages.size());
        }
        return pages.get(nextPage++);
    }

    @Override
    protected int getLimitForSegment(MemorySegment segment) {
        return limits.get(nextPage - 1);
    }

    /** The number of bytes not read yet. */
    public long remainingBytes() {
        long remaining = Math.max(0, remainingInSegment());
        for (int p = nextPage; p < pages.size(); p++) {
            remaining += limits.get(p) - headerLength;
        }
        return remaining;
    }
}

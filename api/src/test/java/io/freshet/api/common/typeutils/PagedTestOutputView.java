package io.freshet.api.common.typeutils;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.freshet.core.memory.AbstractPagedOutputView;
import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;

/**
 * A paged output view for tests: collects its pages (heap or off-heap, of any size, optionally with a header that
 * the view must skip) so that they can be read back with {@link #toInputView()}. Headers and unwritten bytes are
 * filled with a marker so that a reader that strays into them sees garbage instead of zeros.
 */
public final class PagedTestOutputView extends AbstractPagedOutputView {

    static final byte HEADER_MARKER = (byte) 0xE7;
    static final byte UNWRITTEN_MARKER = (byte) 0xA5;

    /** Off-heap pages are slices of chunks of this size, not one direct buffer each. */
    private static final int OFF_HEAP_CHUNK = 64 * 1024;

    private final boolean offHeap;
    private final List<MemorySegment> pages = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private ByteBuffer chunk;

    public PagedTestOutputView(int pageSize, int headerLength, boolean offHeap) {
        super(pageSize, headerLength);
        this.offHeap = offHeap;
    }

    @Override
    protected MemorySegment nextSegment(MemorySegment current, int positionInCurrent) {
        if (current != null) {
            pages.add(current);
            limits.add(positionInCurrent);
        }
        return allocatePage();
    }

    private MemorySegment allocatePage() {
        MemorySegment page;
        if (offHeap) {
            if (chunk == null || chunk.remaining() < segmentSize) {
                chunk = ByteBuffer.allocateDirect(Math.max(OFF_HEAP_CHUNK, segmentSize));
            }
            ByteBuffer slice = chunk.slice(chunk.position(), segmentSize);
            chunk.position(chunk.position() + segmentSize);
            page = MemorySegmentFactory.wrapOffHeapMemory(slice);
        } else {
            page = MemorySegmentFactory.wrap(new byte[segmentSize]);
        }
        for (int i = 0; i < segmentSize; i++) {
            page.put(i, i < headerLength ? HEADER_MARKER : UNWRITTEN_MARKER);
        }
        return page;
    }

    /** The pages written so far, the current one included, with the number of valid bytes of each. */
    private List<MemorySegment> allPages(List<Integer> allLimits) {
        List<MemorySegment> all = new ArrayList<>(pages);
        allLimits.addAll(limits);
        if (getCurrentSegment() != null) {
            all.add(getCurrentSegment());
            allLimits.add(getCurrentPositionInSegment());
        }
        return all;
    }

    /** An input view over everything written so far. Writing more afterwards is not reflected. */
    public PagedTestInputView toInputView() {
        List<Integer> allLimits = new ArrayList<>();
        List<MemorySegment> all = allPages(allLimits);
        return new PagedTestInputView(all, allLimits, headerLength);
    }

    /** The bytes written so far, without page headers. */
    public byte[] writtenBytes() {
        List<Integer> allLimits = new ArrayList<>();
        List<MemorySegment> all = allPages(allLimits);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int p = 0; p < all.size(); p++) {
            MemorySegment page = all.get(p);
            for (int i = 0; i < headerLength; i++) {
                if (page.get(i) != HEADER_MARKER) {
                    throw new AssertionError("the page header was overwritten on page " + p + " at byte " + i);
                }
            }
            byte[] payload = new byte[allLimits.get(p) - headerLength];
            page.get(headerLength, payload, 0, payload.length);
            bytes.write(payload, 0, payload.length);
        }
        return bytes.toByteArray();
    }

    /** An input view over {@code bytes} cut into pages of the given layout. */
    public static PagedTestInputView pagesOf(byte[] bytes, int pageSize, int headerLength, boolean offHeap) {
        PagedTestOutputView out = new PagedTestOutputView(pageSize, headerLength, offHeap);
        out.write(bytes, 0, bytes.length);
        return out.toInputView();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            super.write(b, off, len);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the test pages never fail to allocate", e);
        }
    }

    @Override
    public String toString() {
        return "PagedTestOutputView{pageSize=" + segmentSize + ", header=" + headerLength + ", offHeap=" + offHeap
                + ", pages=" + (pages.size() + (getCurrentSegment() == null ? 0 : 1)) + ", limits="
                + Arrays.toString(limits.toArray()) + '}';
    }
}

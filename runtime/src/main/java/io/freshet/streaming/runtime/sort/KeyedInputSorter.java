package io.freshet.streaming.runtime.sort;

import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.core.memory.AbstractPagedInputView;
import io.freshet.core.memory.AbstractPagedOutputView;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.MemorySegment;
import io.freshet.runtime.memory.MemoryAllocationException;
import io.freshet.runtime.memory.MemoryManager;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sorts the records of one keyed input by key, then timestamp, for BATCH execution: an operator then sees all
 * records of a key together, in event-time order, and needs the state of only one key at a time.
 *
 * <p>How: each record is serialized straight into pages of managed memory as
 * {@code [key length][key bytes][has timestamp][timestamp][value length][value bytes]}; the key is serialized with
 * the key serializer, so equal keys have equal bytes. An index of (first 8 key bytes, timestamp, address) triples is
 * sorted with a quicksort that compares the 8-byte prefix first and the key bytes only when prefixes tie. When the
 * pages or the index are full, the sorted contents are written to a run file in a temporary directory and the memory
 * starts over; at the end, runs are merged. Key order is the unsigned order of the key bytes; it only has to group
 * equal keys, it means nothing to the user.
 *
 * <p>Use: {@link #add} every record, then {@link #sorted()} once, then {@link #close()} (also after a failure: it
 * gives the pages back and deletes the run files). Task thread only.
 */
public final class KeyedInputSorter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedInputSorter.class);

    /** Index entry: key prefix, timestamp, address of the record. */
    private static final int STRIDE = 3;
    /** Key length, has-timestamp flag, timestamp, value length. */
    private static final int HEADER_BYTES = 4 + 1 + 8 + 4;
    private static final int INSERTION_SORT_THRESHOLD = 12;
    private static final int FILE_BUFFER_BYTES = 128 * 1024;

    private final String operatorName;
    private final KeySelector<T, ?> keySelector;
    private final TypeSerializer<Object> keySerializer;
    private final TypeSerializer<T> valueSerializer;
    private final MemoryManager memoryManager;
    private final List<MemorySegment> pages;
    private final int pageSize;
    private final int pageShift;
    private final File[] tempDirectories;
    private final RecordArea area;
    private final DataOutputSerializer keyBuffer = new DataOutputSerializer(64);
    private final int maxPages;
    private final long budgetBytes;
    private long[] index;
    private final int indexCapacity;
    private int count;
    private final List<File> runs = new ArrayList<>();
    private long recordsAdded;
    private boolean sortedCalled;

    /**
     * @param sortMemoryBytes the managed memory to sort in; at most what the memory manager has free is taken, at
     *     least two pages
     * @param operatorName the operator the input belongs to, for errors and logs
     */
    @SuppressWarnings("unchecked")
    public KeyedInputSorter(String operatorName, KeySelector<T, ?> keySelector, TypeSerializer<?> keySerializer,
            TypeSerializer<T> valueSerializer, MemoryManager memoryManager, long sortMemoryBytes,
            File[] tempDirectories) throws MemoryAllocationException {
        this.operatorName = operatorName;
        this.keySelector = keySelector;
        this.keySerializer = (TypeSerializer<Object>) keySerializer.duplicate();
        this.valueSerializer = valueSerializer.duplicate();
        this.memoryManager = memoryManager;
        this.tempDirectories = tempDirectories;
        this.pageSize = memoryManager.getPageSize();
        if (Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("the managed memory page size must be a power of two, got " + pageSize);
        }
        this.pageShift = Integer.numberOfTrailingZeros(pageSize);
        this.maxPages = (int) Math.min(Integer.MAX_VALUE, Math.max(2, sortMemoryBytes / pageSize));
        int available = memoryManager.availablePages();
        if (available < 2) {
            throw new MemoryAllocationException("The BATCH input of '" + operatorName + "' needs at least 2 pages of"
                    + " managed memory to sort in, but its TaskManager has " + available + " free. Give the"
                    + " TaskManagers more managed memory ('taskmanager.memory.managed.size') or run fewer tasks per"
                    + " TaskManager.");
        }
        this.pages = new ArrayList<>(memoryManager.allocatePages(this, 2));
        // the index lives on the heap (24 bytes per record); index and pages together stay within the sort memory
        this.budgetBytes = (long) maxPages * pageSize;
        this.indexCapacity = (int) Math.max(16, Math.min(Integer.MAX_VALUE / STRIDE - 1,
                budgetBytes / 2 / (8 * STRIDE)));
        this.index = new long[Math.min(indexCapacity, 1024) * STRIDE];
        this.area = new RecordArea();
    }

    /** Number of records added so far. */
    public long recordsAdded() {
        return recordsAdded;
    }

    /** Number of sorted runs spilled to disk so far. */
    public int spilledRuns() {
        return runs.size();
    }

    /** Serializes {@code record} (value, timestamp and its key) into the sort memory, spilling first if it is full. */
    public void add(StreamRecord<T> record) throws Exception {
        T value = record.getValue();
        keyBuffer.clear();
        keySerializer.serialize(keySelector.getKey(value), keyBuffer);
        int keyLength = keyBuffer.length();
        if (HEADER_BYTES + keyLength > pageSize) {
            throw new IOException("A key of '" + operatorName + "' takes " + keyLength + " bytes; BATCH execution sorts"
                    + " keys of at most " + (pageSize - HEADER_BYTES) + " bytes (the managed memory page size,"
                    + " 'taskmanager.memory.segment-size', minus " + HEADER_BYTES + "). Use a smaller key.");
        }
        if (count * STRIDE == index.length) {
            long grownIndexBytes = (long) Math.min(indexCapacity, count * 2) * STRIDE * 8;
            if (count < indexCapacity && (long) pages.size() * pageSize + grownIndexBytes <= budgetBytes) {
                index = Arrays.copyOf(index, Math.min(indexCapacity, count * 2) * STRIDE);
            } else {
                spill();
            }
        }
        if (!tryWrite(record, value, keyLength)) {
            spill();
            if (!tryWrite(record, value, keyLength)) {
                throw new IOException("A record of '" + operatorName + "' does not fit into its BATCH sort memory of "
                        + (long) pages.size() * pageSize + " bytes; raise 'execution.sorted-inputs.memory'.");
            }
        }
        recordsAdded++;
    }

    private boolean tryWrite(StreamRecord<T> record, T value, int keyLength) throws IOException {
        long areaMark = area.mark();
        try {
            if (area.remainingInSegment() < HEADER_BYTES + keyLength) {
                area.advance();
            }
            MemorySegment segment = area.getCurrentSegment();
            int position = area.getCurrentPositionInSegment();
            long address = area.address();
            byte[] key = keyBuffer.getSharedBuffer();
            long timestamp = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
            segment.putInt(position, keyLength);
            segment.put(position + 4, key, 0, keyLength);
            segment.put(position + 4 + keyLength, (byte) (record.hasTimestamp() ? 1 : 0));
            segment.putLong(position + 5 + keyLength, timestamp);
            int lengthPosition = position + 13 + keyLength;
            area.skipBytesInSegment(HEADER_BYTES + keyLength);
            long valueStart = area.address();
            valueSerializer.serialize(value, area);
            segment.putInt(lengthPosition, (int) (area.address() - valueStart));
            int slot = count * STRIDE;
            index[slot] = prefixOf(key, keyLength);
            index[slot + 1] = timestamp;
            index[slot + 2] = address;
            count++;
            return true;
        } catch (IOException | RuntimeException e) {
            if (!isAreaFull(e)) {
                throw e;
            }
            area.reset(areaMark);
            return false;
        }
    }

    /** True for the area-full signal, also when a serializer wrapped it into an exception of its own. */
    private static boolean isAreaFull(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause == AREA_FULL) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first 7 key bytes (zero-padded) and the key length capped at 8 in the lowest byte: for keys of up to 7
     * bytes equal prefixes mean equal keys, and the unsigned order of prefixes agrees with the order of the key bytes.
     */
    private static long prefixOf(byte[] key, int length) {
        long prefix = 0;
        for (int i = 0; i < 7; i++) {
            prefix = (prefix << 8) | (i < length ? key[i] & 0xffL : 0);
        }
        return (prefix << 8) | Math.min(length, 8);
    }

    /** Whether keys with this prefix are compared beyond it (they are longer than 7 bytes). */
    private static boolean isLongKey(long prefix) {
        return (prefix & 0xff) == 8;
    }

    // ---- sorting ----

    private int compare(int i, int j) {
        int a = i * STRIDE;
        int b = j * STRIDE;
        long prefix = index[a];
        int c = Long.compareUnsigned(prefix, index[b]);
        if (c != 0) {
            return c;
        }
        if (isLongKey(prefix)) {
            c = compareKeys(index[a + 2], index[b + 2]);
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(index[a + 1], index[b + 1]);
    }

    private int compareKeys(long addressA, long addressB) {
        MemorySegment segmentA = pages.get((int) (addressA >>> pageShift));
        MemorySegment segmentB = pages.get((int) (addressB >>> pageShift));
        int offsetA = (int) (addressA & (pageSize - 1));
        int offsetB = (int) (addressB & (pageSize - 1));
        int lengthA = segmentA.getInt(offsetA);
        int lengthB = segmentB.getInt(offsetB);
        int c = segmentA.compare(segmentB, offsetA + 4, offsetB + 4, Math.min(lengthA, lengthB));
        return c != 0 ? c : Integer.compare(lengthA, lengthB);
    }

    private void swap(int i, int j) {
        int a = i * STRIDE;
        int b = j * STRIDE;
        for (int k = 0; k < STRIDE; k++) {
            long t = index[a + k];
            index[a + k] = index[b + k];
            index[b + k] = t;
        }
    }

    private void sortIndex(int from, int to) {
        while (to - from > INSERTION_SORT_THRESHOLD) {
            int middle = (from + to) >>> 1;
            // median of three to the front, then Hoare partition around it
            if (compare(middle, from) < 0) {
                swap(middle, from);
            }
            if (compare(to - 1, from) < 0) {
                swap(to - 1, from);
            }
            if (compare(to - 1, middle) < 0) {
                swap(to - 1, middle);
            }
            swap(from, middle);
            int i = from;
            int j = to;
            while (true) {
                do {
                    i++;
                } while (i < to - 1 && compare(i, from) < 0);
                do {
                    j--;
                } while (compare(j, from) > 0);
                if (i >= j) {
                    break;
                }
                swap(i, j);
            }
            swap(from, j);
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if (j - from < to - j - 1) {
                sortIndex(from, j);
                from = j + 1;
            } else {
                sortIndex(j + 1, to);
                to = j;
            }
        }
        for (int i = from + 1; i < to; i++) {
            for (int j = i; j > from && compare(j, j - 1) < 0; j--) {
                swap(j, j - 1);
            }
        }
    }

    // ---- spilling ----

    private void spill() throws IOException {
        if (count == 0) {
            return;
        }
        sortIndex(0, count);
        File dir = tempDirectories[runs.size() % tempDirectories.length];
        Files.createDirectories(dir.toPath());
        File file = File.createTempFile("freshet-sort-", ".run", dir);
        runs.add(file);
        // a run holds the records as they are in memory (header, key, value), in sorted order, behind their count
        try (RunWriter out = new RunWriter(new FileOutputStream(file))) {
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                long address = index[i * STRIDE + 2];
                MemorySegment segment = pages.get((int) (address >>> pageShift));
                int offset = (int) (address & (pageSize - 1));
                int keyLength = segment.getInt(offset);
                int valueLength = segment.getInt(offset + 13 + keyLength);
                out.write(segment, offset, HEADER_BYTES + keyLength);
                long valueAddress = address + HEADER_BYTES + keyLength;
                while (valueLength > 0) {
                    MemorySegment valueSegment = pages.get((int) (valueAddress >>> pageShift));
                    int valueOffset = (int) (valueAddress & (pageSize - 1));
                    int n = Math.min(valueLength, pageSize - valueOffset);
                    out.write(valueSegment, valueOffset, n);
                    valueAddress += n;
                    valueLength -= n;
                }
            }
        }
        LOG.debug("'{}' spilled a sorted run of {} records to {}.", operatorName, count, file);
        count = 0;
        area.reset(0);
    }

    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.nativeOrder());
    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.nativeOrder());

    /** Writes a run through one large buffer, copying from the pages in bulk. */
    private static final class RunWriter implements java.io.Closeable {
        private final FileOutputStream out;
        private final byte[] buffer = new byte[1 << 20];
        private int position;

        RunWriter(FileOutputStream out) {
            this.out = out;
        }

        void writeInt(int value) throws IOException {
            if (buffer.length - position < 4) {
                flush();
            }
            INT.set(buffer, position, value);
            position += 4;
        }

        void write(MemorySegment segment, int offset, int length) throws IOException {
            while (length > 0) {
                if (position == buffer.length) {
                    flush();
                }
                int n = Math.min(length, buffer.length - position);
                segment.get(offset, buffer, position, n);
                position += n;
                offset += n;
                length -= n;
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, position);
            position = 0;
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                out.close();
            }
        }
    }

    // ---- reading sorted ----

    /** Sorts what was added and returns it in order; call once, after the last {@link #add}. */
    public SortedRecords<T> sorted() throws IOException {
        if (sortedCalled) {
            throw new IllegalStateException("sorted() may be called once");
        }
        sortedCalled = true;
        if (runs.isEmpty()) {
            sortIndex(0, count);
            return new InMemoryRecords();
        }
        spill();
        LOG.info("'{}' sorted {} records in {} runs spilled to disk; merging them.", operatorName, recordsAdded,
                runs.size());
        return new MergedRecords();
    }

    /**
     * Records in key order. {@link #next()} moves on; the record, whether its key differs from the one before, and
     * its key bytes are then available until the next call.
     */
    public abstract static class SortedRecords<T> {
        protected final StreamRecord<T> record = new StreamRecord<>(null);
        protected byte[] key = new byte[32];
        protected int keyLength;
        private byte[] previousKey = new byte[32];
        private int previousKeyLength = -1;
        private boolean newKey;

        /** Moves to the next record; false at the end. */
        public abstract boolean next() throws IOException;

        public StreamRecord<T> record() {
            return record;
        }

        /** True when this record's key differs from the previous record's (always for the first). */
        public boolean isNewKey() {
            return newKey;
        }

        /** Compares the current keys of two inputs in the sorters' key order. */
        public int compareKey(SortedRecords<?> other) {
            loadKey();
            other.loadKey();
            return Arrays.compareUnsigned(key, 0, keyLength, other.key, 0, other.keyLength);
        }

        /** Makes {@code key}/{@code keyLength} hold the current record's key (for readers that load it lazily). */
        protected void loadKey() {}

        protected final void setNewKey(boolean newKey) {
            this.newKey = newKey;
        }

        /** The current key's bytes (the first {@link #keyLength()}); valid until the next call. */
        public byte[] keyBytes() {
            loadKey();
            return key;
        }

        public int keyLength() {
            loadKey();
            return keyLength;
        }

        public long timestamp() {
            return record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
        }

        /** Subclasses call this after reading a key into {@code key}/{@code keyLength}, before it may change. */
        protected final void keyRead() {
            newKey = previousKeyLength != keyLength
                    || !Arrays.equals(key, 0, keyLength, previousKey, 0, keyLength);
            if (newKey) {
                if (previousKey.length < keyLength) {
                    previousKey = new byte[Math.max(keyLength, previousKey.length * 2)];
                }
                System.arraycopy(key, 0, previousKey, 0, keyLength);
                previousKeyLength = keyLength;
            }
        }

        protected final void ensureKeyCapacity(int length) {
            if (key.length < length) {
                key = new byte[Math.max(length, key.length * 2)];
            }
        }
    }

    private final class InMemoryRecords extends SortedRecords<T> {
        private final AreaReader reader = new AreaReader();
        private int position;
        private long address;
        private boolean keyLoaded;

        @Override
        public boolean next() throws IOException {
            if (position == count) {
                return false;
            }
            int slot = position * STRIDE;
            address = index[slot + 2];
            // a new key: another prefix, or for long keys other bytes, than the record before
            setNewKey(position == 0 || index[slot] != index[slot - STRIDE]
                    || (isLongKey(index[slot]) && compareKeys(address, index[slot - STRIDE + 2]) != 0));
            position++;
            keyLoaded = false;
            MemorySegment segment = pages.get((int) (address >>> pageShift));
            int offset = (int) (address & (pageSize - 1));
            int keyLength = segment.getInt(offset);
            boolean hasTimestamp = segment.get(offset + 4 + keyLength) != 0;
            long timestamp = segment.getLong(offset + 5 + keyLength);
            reader.seek(address + HEADER_BYTES + keyLength);
            record.replace(valueSerializer.deserialize(reader));
            if (hasTimestamp) {
                record.setTimestamp(timestamp);
            } else {
                record.eraseTimestamp();
            }
            return true;
        }

        @Override
        protected void loadKey() {
            if (!keyLoaded) {
                MemorySegment segment = pages.get((int) (address >>> pageShift));
                int offset = (int) (address & (pageSize - 1));
                keyLength = segment.getInt(offset);
                ensureKeyCapacity(keyLength);
                segment.get(offset + 4, key, 0, keyLength);
                keyLoaded = true;
            }
        }
    }

    private final class MergedRecords extends SortedRecords<T> {
        private final PriorityQueue<RunReader> queue = new PriorityQueue<>(RunReader::compareTo);
        private final DataInputDeserializer valueInput = new DataInputDeserializer();

        MergedRecords() throws IOException {
            for (File run : runs) {
                RunReader reader = new RunReader(run);
                if (reader.advance()) {
                    queue.add(reader);
                } else {
                    reader.close();
                }
            }
        }

        @Override
        public boolean next() throws IOException {
            RunReader head = queue.poll();
            if (head == null) {
                return false;
            }
            keyLength = head.keyLength;
            ensureKeyCapacity(keyLength);
            System.arraycopy(head.buffer(), head.keyOffset, key, 0, keyLength);
            keyRead();
            valueInput.setBuffer(head.buffer(), head.valueOffset, head.valueLength);
            record.replace(valueSerializer.deserialize(valueInput));
            if (head.hasTimestamp) {
                record.setTimestamp(head.timestamp);
            } else {
                record.eraseTimestamp();
            }
            if (head.advance()) {
                queue.add(head);
            } else {
                head.close();
            }
            return true;
        }
    }

    /**
     * Reads one spilled run through a buffer of its own; the current record's key and value stay in that buffer
     * until the next {@link #advance()}.
     */
    private final class RunReader implements Comparable<RunReader> {
        private final FileInputStream in;
        private byte[] buffer = new byte[FILE_BUFFER_BYTES];
        private int position;
        private int limit;
        private int remaining;
        int keyOffset;
        int keyLength;
        boolean hasTimestamp;
        long timestamp;
        int valueOffset;
        int valueLength;

        RunReader(File file) throws IOException {
            this.in = new FileInputStream(file);
            ensure(4);
            this.remaining = (int) INT.get(buffer, position);
            position += 4;
        }

        byte[] buffer() {
            return buffer;
        }

        /** Makes {@code n} bytes from the position available in the buffer. */
        private void ensure(int n) throws IOException {
            if (limit - position >= n) {
                return;
            }
            if (n > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, position, position + Math.max(n, buffer.length * 2));
            } else {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
            }
            limit -= position;
            position = 0;
            while (limit < n) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    throw new EOFException("The sort run of '" + operatorName + "' ended in the middle of a record.");
                }
                limit += read;
            }
        }

        boolean advance() throws IOException {
            if (remaining == 0) {
                return false;
            }
            remaining--;
            ensure(4);
            int kl = (int) INT.get(buffer, position);
            ensure(HEADER_BYTES + kl);
            keyLength = kl;
            hasTimestamp = buffer[position + 4 + kl] != 0;
            timestamp = (long) LONG.get(buffer, position + 5 + kl);
            valueLength = (int) INT.get(buffer, position + 13 + kl);
            ensure(HEADER_BYTES + kl + valueLength);
            keyOffset = position + 4;
            valueOffset = position + HEADER_BYTES + kl;
            position += HEADER_BYTES + kl + valueLength;
            return true;
        }

        @Override
        public int compareTo(RunReader other) {
            int c = Arrays.compareUnsigned(buffer, keyOffset, keyOffset + keyLength, other.buffer, other.keyOffset,
                    other.keyOffset + other.keyLength);
            return c != 0 ? c : Long.compare(timestamp, other.timestamp);
        }

        void close() throws IOException {
            in.close();
        }
    }

    @Override
    public void close() {
        memoryManager.releaseAll(this);
        for (File run : runs) {
            if (!run.delete() && run.exists()) {
                LOG.warn("Could not delete the sort run {} of '{}'.", run, operatorName);
            }
        }
        runs.clear();
    }

    // ---- the pages ----

    /**
     * Takes more pages from the memory manager (as many again as held, up to the sort memory), so small inputs hold
     * little memory; false when the sort memory is reached or the TaskManager has none free: then it is time to spill.
     */
    private boolean grow() {
        long pagesLeftInBudget = (budgetBytes - (long) index.length * 8) / pageSize - pages.size();
        int more = (int) Math.min(Math.min(pages.size(), pagesLeftInBudget),
                Math.min(maxPages - pages.size(), memoryManager.availablePages()));
        if (more <= 0) {
            return false;
        }
        try {
            pages.addAll(memoryManager.allocatePages(this, more));
            return true;
        } catch (MemoryAllocationException e) {
            return false; // another task took them meanwhile
        }
    }

    /** Thrown when the record area has no page left; the sorter then spills and retries. */
    private static final class AreaFullException extends EOFException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final AreaFullException AREA_FULL = new AreaFullException();

    /** Writes records into the sorter's pages, one after another; addresses are page index * page size + offset. */
    private final class RecordArea extends AbstractPagedOutputView {
        private int currentPage = -1;

        RecordArea() {
            super(pageSize, 0);
        }

        @Override
        protected MemorySegment nextSegment(MemorySegment current, int positionInCurrent) throws IOException {
            if (currentPage + 1 >= pages.size() && !grow()) {
                throw AREA_FULL;
            }
            currentPage++;
            return pages.get(currentPage);
        }

        long address() {
            return getCurrentSegment() == null ? 0 : ((long) currentPage << pageShift) + getCurrentPositionInSegment();
        }

        long mark() {
            return getCurrentSegment() == null ? -1 : address();
        }

        /** Goes back to {@code mark} (an address from {@link #mark()}), or to the start for a negative one. */
        void reset(long mark) {
            if (mark <= 0) {
                currentPage = -1;
                clear();
            } else {
                int page = (int) (mark >>> pageShift);
                int offset = (int) (mark & (pageSize - 1));
                if (offset == 0) {
                    // the mark was taken at the very end of a full page: stay on that page
                    page--;
                    offset = pageSize;
                }
                currentPage = page;
                seekOutput(pages.get(page), offset);
            }
        }
    }

    /** Reads a value from the sorter's pages, following it across page boundaries. */
    private final class AreaReader extends AbstractPagedInputView {
        private int currentPage;

        AreaReader() {
            super(0);
        }

        void seek(long address) {
            currentPage = (int) (address >>> pageShift);
            if (currentPage >= pages.size()) {
                clear(); // an empty value at the very end of the memory
                return;
            }
            seekInput(pages.get(currentPage), (int) (address & (pageSize - 1)), pageSize);
        }

        @Override
        protected MemorySegment nextSegment(MemorySegment current) throws IOException {
            if (currentPage + 1 >= pages.size()) {
                throw new EOFException("read past the sort memory");
            }
            currentPage++;
            return pages.get(currentPage);
        }

        @Override
        protected int getLimitForSegment(MemorySegment segment) {
            return pageSize;
        }
    }
}

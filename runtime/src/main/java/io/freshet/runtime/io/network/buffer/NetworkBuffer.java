package io.freshet.runtime.io.network.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

import io.freshet.core.memory.MemorySegment;

/**
 * The {@link Buffer} implementation: a segment, two indices and an atomic reference count. See {@link Buffer}
 * for the ownership law; the count is changed with compare-and-set so that the segment reaches the recycler
 * exactly once even when holders on different threads recycle at the same time.
 */
public final class NetworkBuffer implements Buffer {

    private static final VarHandle REFERENCES;

    static {
        try {
            REFERENCES = MethodHandles.lookup().findVarHandle(NetworkBuffer.class, "references", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemorySegment memorySegment;
    private final BufferRecycler recycler;
    private final DataType dataType;
    private int readerIndex;
    private int writerIndex;

    @SuppressWarnings("unused") // accessed through REFERENCES
    private volatile int references = 1;

    /** An empty data buffer. */
    public NetworkBuffer(MemorySegment memorySegment, BufferRecycler recycler) {
        this(memorySegment, recycler, DataType.DATA_BUFFER, 0);
    }

    public NetworkBuffer(MemorySegment memorySegment, BufferRecycler recycler, DataType dataType, int size) {
        this.memorySegment = Objects.requireNonNull(memorySegment);
        this.recycler = Objects.requireNonNull(recycler);
        this.dataType = Objects.requireNonNull(dataType);
        setSize(size);
    }

    @Override
    public boolean isBuffer() {
        return dataType == DataType.DATA_BUFFER;
    }

    @Override
    public DataType getDataType() {
        return dataType;
    }

    @Override
    public MemorySegment getMemorySegment() {
        return memorySegment;
    }

    @Override
    public BufferRecycler getRecycler() {
        return recycler;
    }

    @Override
    public int getMaxCapacity() {
        return memorySegment.size();
    }

    @Override
    public int getReaderIndex() {
        return readerIndex;
    }

    @Override
    public void setReaderIndex(int readerIndex) {
        if (readerIndex < 0 || readerIndex > writerIndex) {
            throw new IndexOutOfBoundsException("reader index " + readerIndex + " outside [0, " + writerIndex + "]");
        }
        this.readerIndex = readerIndex;
    }

    @Override
    public int getSize() {
        return writerIndex;
    }

    @Override
    public void setSize(int writerIndex) {
        if (writerIndex < readerIndex || writerIndex > memorySegment.size()) {
            throw new IndexOutOfBoundsException("size " + writerIndex + " outside [" + readerIndex + ", "
                    + memorySegment.size() + "]");
        }
        this.writerIndex = writerIndex;
    }

    @Override
    public int readableBytes() {
        return writerIndex - readerIndex;
    }

    // ---- reference counting ----

    @Override
    public Buffer retainBuffer() {
        int current;
        do {
            current = (int) REFERENCES.getVolatile(this);
            if (current <= 0) {
                throw new IllegalStateException("cannot retain a buffer that has already been recycled");
            }
        } while (!REFERENCES.compareAndSet(this, current, current + 1));
        return this;
    }

    @Override
    public void recycleBuffer() {
        int current;
        do {
            current = (int) REFERENCES.getVolatile(this);
            if (current <= 0) {
                throw new IllegalStateException("buffer recycled more often than retained (double recycle)");
            }
        } while (!REFERENCES.compareAndSet(this, current, current - 1));
        if (current == 1) {
            recycler.recycle(memorySegment);
        }
    }

    @Override
    public boolean isRecycled() {
        return (int) REFERENCES.getVolatile(this) <= 0;
    }

    @Override
    public int refCnt() {
        return (int) REFERENCES.getVolatile(this);
    }

    @Override
    public String toString() {
        return "NetworkBuffer[" + dataType + ", reader=" + readerIndex + ", size=" + writerIndex + ", capacity="
                + memorySegment.size() + ", refCnt=" + refCnt() + "]";
    }
}

package io.freshet.runtime.io.network.partition;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferRecycler;
import io.freshet.runtime.io.network.buffer.NetworkBuffer;

/**
 * A subpartition of a BLOCKING partition: every buffer is appended to one local file and recycled at once, so the
 * producer needs only a few buffers however much it writes. Readable once the producer called {@link #finish()},
 * by any number of readers one after another or at the same time, until {@link #release(Throwable)} deletes the
 * file.
 *
 * <p>File format: per buffer an 8-byte big-endian header (size, data type ordinal) followed by its bytes; the last
 * entry is the end-of-partition event.
 *
 * <p>Readers: each view reads with its own file channel into its own {@value #READ_BUFFERS_PER_VIEW} off-heap
 * segments, handed out as buffers recycled back to the view; a view with none free reports nothing available and
 * calls its listener when one comes back. So a reader holds a fixed amount of memory, takes nothing from the
 * TaskExecutor's network pool, and a slow consumer simply reads slowly. Reading is blocking file I/O on the
 * reader's thread (the consuming task for local channels, a Netty thread for remote ones).
 *
 * <p>Threads: the producer writes; readers read; release may come from any thread. One monitor (this) guards the
 * file state.
 */
public final class BoundedBlockingSubpartition extends ResultSubpartition {

    static final int READ_BUFFERS_PER_VIEW = 2;
    private static final int HEADER_BYTES = 8;

    private final Path file;
    private final ByteBuffer writeHeader = ByteBuffer.allocate(HEADER_BYTES);
    private final List<BlockingView> readers = new ArrayList<>();
    private FileChannel writeChannel;
    private int numDataBuffers;
    private int numBuffers;
    private boolean finished;
    private boolean released;

    BoundedBlockingSubpartition(int index, ResultPartition parent, File tempDirectory) throws IOException {
        super(index, parent);
        Files.createDirectories(tempDirectory.toPath());
        this.file = Files.createTempFile(tempDirectory.toPath(), "freshet-blocking-" + parent.getPartitionId()
                .getPartitionId().getPartitionNumber() + "-" + index + "-", ".data");
        this.writeChannel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    // ---- writing ----

    @Override
    public synchronized void add(Buffer buffer) throws IOException {
        try {
            if (released) {
                return;
            }
            if (finished) {
                throw new IllegalStateException(this + " is finished; nothing may be added after finish()");
            }
            writeHeader.clear();
            writeHeader.putInt(0, buffer.readableBytes());
            writeHeader.putInt(4, buffer.getDataType().ordinal());
            ByteBuffer[] data = {writeHeader, buffer.getMemorySegment().wrap(buffer.getReaderIndex(),
                    buffer.readableBytes())};
            long toWrite = HEADER_BYTES + (long) buffer.readableBytes();
            while (toWrite > 0) {
                toWrite -= writeChannel.write(data);
            }
            numBuffers++;
            if (buffer.isBuffer()) {
                numDataBuffers++;
            }
        } catch (IOException e) {
            throw new IOException("Writing " + this + " to " + file + " failed: " + e.getMessage(), e);
        } finally {
            buffer.recycleBuffer();
        }
    }

    @Override
    public void finish() throws IOException {
        add(EventSerializer.toBuffer(EndOfPartitionEvent.INSTANCE));
        synchronized (this) {
            if (released) {
                return;
            }
            writeChannel.close();
            writeChannel = null;
            finished = true;
        }
    }

    // ---- release ----

    @Override
    public void release(Throwable cause) {
        List<BlockingView> toRelease;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            toRelease = new ArrayList<>(readers);
            readers.clear();
            try {
                if (writeChannel != null) {
                    writeChannel.close();
                    writeChannel = null;
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the file " + file + " of " + this, e);
            }
        }
        for (BlockingView view : toRelease) {
            view.release(cause);
        }
    }

    @Override
    public synchronized boolean isReleased() {
        return released;
    }

    /** The file holding this subpartition's data (deleted on release). */
    public Path getFile() {
        return file;
    }

    // ---- reading ----

    @Override
    public ResultSubpartitionView createReadView(BufferAvailabilityListener listener) throws IOException {
        BlockingView view;
        synchronized (this) {
            if (released) {
                throw new PartitionException(this + " has been released", parent.getPartitionId());
            }
            if (!finished) {
                throw new PartitionException(this + " is not finished: a BLOCKING partition is read only after its"
                        + " producer finished", parent.getPartitionId());
            }
            view = new BlockingView(FileChannel.open(file, StandardOpenOption.READ), listener, numBuffers,
                    numDataBuffers, parent.getBufferSize());
            readers.add(view);
        }
        listener.notifyDataAvailable();
        return view;
    }

    @Override
    public synchronized int getBuffersInBacklog() {
        return numDataBuffers;
    }

    private synchronized void onViewReleased(BlockingView view) {
        readers.remove(view);
    }

    /** One reader of the file; see the class comment. Its monitor guards its position and segments. */
    private final class BlockingView implements ResultSubpartitionView, BufferRecycler {

        private final FileChannel channel;
        private final BufferAvailabilityListener listener;
        private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        private final ArrayDeque<MemorySegment> freeSegments = new ArrayDeque<>(READ_BUFFERS_PER_VIEW);
        private long position;
        private int remainingBuffers;
        private int remainingDataBuffers;
        private boolean viewReleased;
        private Throwable failureCause;

        BlockingView(FileChannel channel, BufferAvailabilityListener listener, int buffers, int dataBuffers,
                int segmentSize) {
            this.channel = channel;
            this.listener = listener;
            this.remainingBuffers = buffers;
            this.remainingDataBuffers = dataBuffers;
            for (int i = 0; i < READ_BUFFERS_PER_VIEW; i++) {
                freeSegments.add(MemorySegmentFactory.allocateUnpooledOffHeapMemory(segmentSize, this));
            }
        }

        @Override
        public synchronized BufferAndBacklog getNextBuffer() throws IOException {
            if (viewReleased || remainingBuffers == 0 || freeSegments.isEmpty()) {
                return null;
            }
            header.clear();
            readFully(header);
            int size = header.getInt(0);
            Buffer.DataType type = Buffer.DataType.values()[header.getInt(4)];
            MemorySegment segment = freeSegments.poll();
            try {
                readFully(segment.wrap(0, size));
            } catch (IOException e) {
                freeSegments.add(segment);
                throw e;
            }
            remainingBuffers--;
            if (type.isBuffer()) {
                remainingDataBuffers--;
            }
            Buffer buffer = new NetworkBuffer(segment, this, type, size);
            return new BufferAndBacklog(buffer, remainingDataBuffers, nextDataType());
        }

        /** Data while data buffers remain (an event in between only waits for credit), then the final events. */
        private Buffer.DataType nextDataType() {
            if (remainingBuffers == 0) {
                return null;
            }
            return remainingDataBuffers > 0 ? Buffer.DataType.DATA_BUFFER : Buffer.DataType.EVENT_BUFFER;
        }

        private void readFully(ByteBuffer target) throws IOException {
            while (target.hasRemaining()) {
                int read = channel.read(target, position);
                if (read < 0) {
                    throw new IOException("Unexpected end of " + file + " (" + BoundedBlockingSubpartition.this
                            + "): the file is truncated");
                }
                position += read;
            }
        }

        @Override
        public synchronized boolean isAvailable(int numCreditsAvailable) {
            return !viewReleased && remainingBuffers > 0 && !freeSegments.isEmpty()
                    && (numCreditsAvailable > 0 || remainingDataBuffers == 0);
        }

        @Override
        public void recycle(MemorySegment segment) {
            boolean notify;
            synchronized (this) {
                if (viewReleased) {
                    segment.free();
                    return;
                }
                freeSegments.add(segment);
                notify = freeSegments.size() == 1 && remainingBuffers > 0;
            }
            if (notify) {
                listener.notifyDataAvailable();
            }
        }

        @Override
        public void releaseAllResources() {
            release(null, false);
            onViewReleased(this);
        }

        void release(Throwable cause) {
            release(cause, true);
        }

        private void release(Throwable cause, boolean notifyReader) {
            synchronized (this) {
                if (viewReleased) {
                    return;
                }
                viewReleased = true;
                failureCause = cause;
                for (MemorySegment segment : freeSegments) {
                    segment.free();
                }
                freeSegments.clear();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was written through this channel; closing a reader cannot lose data
                }
            }
            if (notifyReader) {
                listener.notifyDataAvailable();
            }
        }

        @Override
        public synchronized boolean isReleased() {
            return viewReleased;
        }

        @Override
        public synchronized Throwable getFailureCause() {
            return failureCause;
        }

        @Override
        public synchronized int getBuffersInBacklog() {
            return remainingDataBuffers;
        }
    }
}

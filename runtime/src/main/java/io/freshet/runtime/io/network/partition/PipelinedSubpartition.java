package io.freshet.runtime.io.network.partition;

import java.io.IOException;
import java.util.ArrayDeque;

import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * An in-memory queue of finished buffers for one consumer, read while the producer writes.
 *
 * <p>Laws:
 * <ul>
 *   <li>Bounded: every data buffer comes from the partition's {@code LocalBufferPool} and stays lent until the
 *       consumer recycles it, so a slow consumer makes the producer wait for buffers (backpressure); the queue never
 *       holds more than the pool's size.</li>
 *   <li>One reader at a time, and one only: a second {@link #createReadView} fails. The reader's listener is called
 *       when the queue goes from empty to non-empty, and on release.</li>
 *   <li>The reader releasing its view marks the subpartition consumed; when all subpartitions are consumed, the
 *       {@link ResultPartitionManager} releases the partition.</li>
 *   <li>One monitor (the queue) guards the state; it is taken once per buffer, never per record, and listeners
 *       are called outside it.</li>
 * </ul>
 */
public final class PipelinedSubpartition extends ResultSubpartition {

    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    /** Data buffers in {@link #buffers}; guarded by buffers. */
    private int buffersInBacklog;
    private boolean finished;
    private boolean released;
    private Throwable failureCause;
    private PipelinedSubpartitionView readView;

    PipelinedSubpartition(int index, ResultPartition parent) {
        super(index, parent);
    }

    // ---- writing ----

    @Override
    public void add(Buffer buffer) throws IOException {
        PipelinedSubpartitionView toNotify;
        synchronized (buffers) {
            if (released) {
                buffer.recycleBuffer();
                return;
            }
            if (finished) {
                buffer.recycleBuffer();
                throw new IllegalStateException(this + " is finished; nothing may be added after finish()");
            }
            buffers.add(buffer);
            if (buffer.isBuffer()) {
                buffersInBacklog++;
            }
            toNotify = buffers.size() == 1 ? readView : null;
        }
        if (toNotify != null) {
            toNotify.listener.notifyDataAvailable();
        }
    }

    @Override
    public byte[] addPriorityEvent(Buffer event) throws IOException {
        PipelinedSubpartitionView toNotify;
        byte[] overtaken = null;
        synchronized (buffers) {
            if (released) {
                event.recycleBuffer();
                return null;
            }
            if (finished) {
                event.recycleBuffer();
                throw new IllegalStateException(this + " is finished; nothing may be added after finish()");
            }
            // the data buffers after the last event, taken off the tail, then put back behind the event
            ArrayDeque<Buffer> overtakenBuffers = new ArrayDeque<>();
            int bytes = 0;
            while (!buffers.isEmpty() && buffers.peekLast().isBuffer()) {
                Buffer last = buffers.pollLast();
                overtakenBuffers.addFirst(last);
                bytes += last.readableBytes();
            }
            buffers.add(event);
            if (bytes > 0) {
                overtaken = new byte[bytes];
                int offset = 0;
                for (Buffer buffer : overtakenBuffers) {
                    int length = buffer.readableBytes();
                    buffer.getMemorySegment().get(buffer.getReaderIndex(), overtaken, offset, length);
                    offset += length;
                }
            }
            buffers.addAll(overtakenBuffers);
            toNotify = readView;
        }
        if (toNotify != null) {
            toNotify.listener.notifyPriorityEvent();
        }
        return overtaken;
    }

    @Override
    public void finish() throws IOException {
        add(EventSerializer.toBuffer(EndOfPartitionEvent.INSTANCE));
        synchronized (buffers) {
            finished = true;
        }
    }

    // ---- release ----

    @Override
    public void release(Throwable cause) {
        PipelinedSubpartitionView toNotify;
        synchronized (buffers) {
            if (released) {
                return;
            }
            released = true;
            failureCause = cause;
            for (Buffer buffer : buffers) {
                buffer.recycleBuffer();
            }
            buffers.clear();
            buffersInBacklog = 0;
            toNotify = readView;
        }
        if (toNotify != null) {
            toNotify.listener.notifyDataAvailable();
        }
    }

    @Override
    public boolean isReleased() {
        synchronized (buffers) {
            return released;
        }
    }

    // ---- reading ----

    @Override
    public ResultSubpartitionView createReadView(BufferAvailabilityListener listener) throws IOException {
        PipelinedSubpartitionView view;
        boolean notify;
        synchronized (buffers) {
            if (released && failureCause != null) {
                throw new ProducerFailedException(parent.getPartitionId(), failureCause);
            }
            if (released) {
                throw new PartitionException(this + " has been released", parent.getPartitionId());
            }
            if (readView != null) {
                throw new IllegalStateException(this + " is already being read; a pipelined subpartition has one"
                        + " consumer");
            }
            view = new PipelinedSubpartitionView(listener);
            readView = view;
            notify = !buffers.isEmpty();
        }
        if (notify) {
            listener.notifyDataAvailable();
        }
        return view;
    }

    @Override
    public int getBuffersInBacklog() {
        synchronized (buffers) {
            return buffersInBacklog;
        }
    }

    private BufferAndBacklog pollBuffer() {
        synchronized (buffers) {
            Buffer buffer = buffers.poll();
            if (buffer == null) {
                return null;
            }
            if (buffer.isBuffer()) {
                buffersInBacklog--;
            }
            Buffer next = buffers.peek();
            return new BufferAndBacklog(buffer, buffersInBacklog, next == null ? null : next.getDataType());
        }
    }

    private boolean isAvailable(int credits) {
        synchronized (buffers) {
            Buffer next = buffers.peek();
            return next != null && (credits > 0 || !next.isBuffer());
        }
    }

    private final class PipelinedSubpartitionView implements ResultSubpartitionView {

        final BufferAvailabilityListener listener;
        private volatile boolean viewReleased;

        PipelinedSubpartitionView(BufferAvailabilityListener listener) {
            this.listener = listener;
        }

        @Override
        public BufferAndBacklog getNextBuffer() {
            return viewReleased ? null : pollBuffer();
        }

        @Override
        public boolean isAvailable(int numCreditsAvailable) {
            return !viewReleased && PipelinedSubpartition.this.isAvailable(numCreditsAvailable);
        }

        @Override
        public void releaseAllResources() {
            if (viewReleased) {
                return;
            }
            viewReleased = true;
            release(null);
            parent.onConsumedSubpartition(index);
        }

        @Override
        public boolean isReleased() {
            return viewReleased || PipelinedSubpartition.this.isReleased();
        }

        @Override
        public Throwable getFailureCause() {
            synchronized (buffers) {
                return failureCause;
            }
        }

        @Override
        public int getBuffersInBacklog() {
            return PipelinedSubpartition.this.getBuffersInBacklog();
        }

        @Override
        public String toString() {
            return "view of " + PipelinedSubpartition.this;
        }
    }
}

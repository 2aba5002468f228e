package io.freshet.runtime.io.network.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobID;
import io.freshet.runtime.checkpoint.CheckpointBarrier;
import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.NetworkBufferPool;

/**
 * An unaligned checkpoint barrier is a priority event: it goes in front of the data buffers that wait to be sent
 * (never in front of an event), the reader is told, and the producer gets a copy of exactly the bytes it overtook.
 */
class PipelinedSubpartitionPriorityEventTest {

    private NetworkBufferPool globalPool;
    private ResultPartition partition;

    @BeforeEach
    void createPartition() throws Exception {
        globalPool = new NetworkBufferPool(16, 64);
        partition = new ResultPartition("producer", new JobID(), new ResultPartitionID(),
                ResultPartitionType.PIPELINED, 1, globalPool.createBufferPool(1, 8), new ResultPartitionManager(),
                new File(System.getProperty("java.io.tmpdir")));
    }

    @AfterEach
    void releasePartition() {
        partition.release(null);
        partition.close();
        globalPool.destroy();
    }

    private void emitData(int firstByte, int length) throws Exception {
        Buffer buffer = partition.requestBufferBlocking();
        for (int i = 0; i < length; i++) {
            buffer.getMemorySegment().put(i, (byte) (firstByte + i));
        }
        buffer.setSize(length);
        partition.emitBuffer(0, buffer);
    }

    private static CheckpointBarrier unalignedBarrier(long id) {
        return new CheckpointBarrier(id, 1000, CheckpointBarrier.Alignment.UNALIGNED);
    }

    /** Everything the reader gets, in order: events as events, data buffers as their first byte. */
    private static List<Object> drain(ResultSubpartitionView view) throws Exception {
        List<Object> read = new ArrayList<>();
        BufferAndBacklog next;
        while ((next = view.getNextBuffer()) != null) {
            Buffer buffer = next.buffer();
            if (buffer.isBuffer()) {
                read.add((int) buffer.getMemorySegment().get(0));
            } else {
                AbstractEvent event = EventSerializer.fromBuffer(buffer);
                read.add(event);
            }
            buffer.recycleBuffer();
        }
        return read;
    }

    @Test
    void aPriorityEventOvertakesTheQueuedDataAndReturnsItsBytes() throws Exception {
        List<String> notifications = new ArrayList<>();
        ResultSubpartitionView view = partition.createSubpartitionView(0, new BufferAvailabilityListener() {
            @Override
            public void notifyDataAvailable() {
                notifications.add("data");
            }

            @Override
            public void notifyPriorityEvent() {
                notifications.add("priority");
            }
        });
        emitData(10, 3);
        emitData(20, 2);

        byte[] overtaken = partition.emitPriorityEvent(0, EventSerializer.toBuffer(unalignedBarrier(1)));

        assertThat(overtaken).containsExactly(10, 11, 12, 20, 21);
        assertThat(notifications).containsExactly("data", "priority");
        assertThat(drain(view)).containsExactly(unalignedBarrier(1), 10, 20);
    }

    @Test
    void aPriorityEventNeverOvertakesAnEvent() throws Exception {
        ResultSubpartitionView view = partition.createSubpartitionView(0, () -> {});
        emitData(10, 1);
        partition.emitBuffer(0, EventSerializer.toBuffer(new CheckpointBarrier(1, 1000)));
        emitData(20, 4);

        byte[] overtaken = partition.emitPriorityEvent(0, EventSerializer.toBuffer(unalignedBarrier(2)));

        assertThat(overtaken).containsExactly(20, 21, 22, 23);
        assertThat(drain(view)).containsExactly(10, new CheckpointBarrier(1, 1000), unalignedBarrier(2), 20);
    }

    @Test
    void nothingQueuedMeansNothingOvertaken() throws Exception {
        ResultSubpartitionView view = partition.createSubpartitionView(0, () -> {});
        assertThat(partition.emitPriorityEvent(0, EventSerializer.toBuffer(unalignedBarrier(3)))).isNull();
        partition.finish();
        assertThat(drain(view)).containsExactly(unalignedBarrier(3), EndOfPartitionEvent.INSTANCE);
    }

    @Test
    void onlyUnalignedBarriersArePriorityEventsOnTheWire() throws Exception {
        assertThat(EventSerializer.isPriorityEvent(EventSerializer.toBuffer(unalignedBarrier(1)))).isTrue();
        for (CheckpointBarrier.Alignment alignment : List.of(CheckpointBarrier.Alignment.ALIGNED,
                CheckpointBarrier.Alignment.ALIGNED_WITH_TIMEOUT)) {
            CheckpointBarrier barrier = new CheckpointBarrier(1, 1000, alignment);
            assertThat(EventSerializer.isPriorityEvent(EventSerializer.toBuffer(barrier))).isFalse();
            assertThat(EventSerializer.fromBuffer(EventSerializer.toBuffer(barrier))).isEqualTo(barrier);
        }
        assertThat(EventSerializer.isPriorityEvent(EventSerializer.toBuffer(EndOfPartitionEvent.INSTANCE))).isFalse();
    }
}

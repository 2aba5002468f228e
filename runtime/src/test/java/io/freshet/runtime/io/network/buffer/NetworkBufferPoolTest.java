package io.freshet.runtime.io.network.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.freshet.core.memory.MemorySegment;

class NetworkBufferPoolTest {

    private static final int SEGMENT_SIZE = 128;

    private NetworkBufferPool globalPool;

    @AfterEach
    void destroy() {
        if (globalPool != null) {
            globalPool.destroy();
        }
    }

    // ---- global pool ----

    @Test
    void allocatesAFixedNumberOfOffHeapSegmentsUpFront() {
        globalPool = new NetworkBufferPool(10, SEGMENT_SIZE);

        MemorySegment segment = globalPool.requestPooledMemorySegment();

        assertThat(segment.isOffHeap()).isTrue();
        assertThat(segment.size()).isEqualTo(SEGMENT_SIZE);
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(9);
        globalPool.recyclePooledMemorySegment(segment);
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(10);
    }

    @Test
    void exhaustedGlobalPoolReturnsNullAndItsFutureCompletesOnRecycle() {
        globalPool = new NetworkBufferPool(2, SEGMENT_SIZE);
        MemorySegment a = globalPool.requestPooledMemorySegment();
        MemorySegment b = globalPool.requestPooledMemorySegment();

        assertThat(globalPool.requestPooledMemorySegment()).isNull();
        CompletableFuture<?> available = globalPool.getAvailableFuture();
        assertThat(available).isNotDone();

        globalPool.recyclePooledMemorySegment(a);
        assertThat(available).isDone();
        globalPool.recyclePooledMemorySegment(b);
    }

    @Test
    void destroyedGlobalPoolRefusesRequestsAndFreesLateRecycles() {
        globalPool = new NetworkBufferPool(2, SEGMENT_SIZE);
        MemorySegment lent = globalPool.requestPooledMemorySegment();

        globalPool.destroy();

        assertThatThrownBy(() -> globalPool.requestPooledMemorySegment())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
        globalPool.recyclePooledMemorySegment(lent);
        assertThat(lent.isFreed()).isTrue();
    }

    @Test
    void creatingPoolsBeyondTheGuaranteedMinimumsFailsNamingTheOptions() throws IOException {
        globalPool = new NetworkBufferPool(10, SEGMENT_SIZE);
        globalPool.createBufferPool(6, 10);

        assertThatThrownBy(() -> globalPool.createBufferPool(5, 5))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("required 5, but only 4 available")
                .hasMessageContaining("taskmanager.memory.network.fraction");
    }

    @Test
    void excessIsSharedInProportionToWhatEachPoolMayStillUse() throws IOException {
        globalPool = new NetworkBufferPool(100, SEGMENT_SIZE);

        BufferPool first = globalPool.createBufferPool(10, Integer.MAX_VALUE);
        assertThat(first.getNumBuffers()).isEqualTo(100);

        BufferPool second = globalPool.createBufferPool(10, Integer.MAX_VALUE);
        assertThat(first.getNumBuffers() + second.getNumBuffers()).isEqualTo(100);
        assertThat(first.getNumBuffers()).isEqualTo(50);

        BufferPool capped = globalPool.createBufferPool(5, 8);
        assertThat(capped.getNumBuffers()).isLessThanOrEqualTo(8).isGreaterThanOrEqualTo(5);
        assertThat(first.getNumBuffers() + second.getNumBuffers() + capped.getNumBuffers()).isEqualTo(100);

        capped.lazyDestroy();
        second.lazyDestroy();
        assertThat(first.getNumBuffers()).isEqualTo(100);
        assertThat(globalPool.getNumberOfRegisteredBufferPools()).isEqualTo(1);
    }

    // ---- local pool ----

    @Test
    void localPoolHandsOutAtMostItsSizeAndReturnsNullWhenExhausted() throws IOException {
        globalPool = new NetworkBufferPool(10, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(3, 3);
        List<Buffer> buffers = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            buffers.add(pool.requestBuffer());
        }

        assertThat(buffers).doesNotContainNull();
        assertThat(pool.requestBuffer()).isNull();
        assertThat(pool.getAvailableFuture()).isNotDone();
        buffers.forEach(Buffer::recycleBuffer);
        assertThat(pool.getAvailableFuture()).isDone();
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(3);
    }

    @Test
    void recyclingReturnsTheSegmentExactlyOnceAndDoubleRecycleFails() throws IOException {
        globalPool = new NetworkBufferPool(4, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(1, 1);
        Buffer buffer = pool.requestBuffer();

        buffer.retainBuffer();
        buffer.recycleBuffer();
        assertThat(buffer.isRecycled()).isFalse();
        assertThat(pool.getNumberOfAvailableMemorySegments()).isZero();

        buffer.recycleBuffer();
        assertThat(buffer.isRecycled()).isTrue();
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(1);

        assertThatThrownBy(buffer::recycleBuffer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("double recycle");
        assertThatThrownBy(buffer::retainBuffer).isInstanceOf(IllegalStateException.class);
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(1);
    }

    @Test
    void blockingRequestIsServedByARecycleFromAnotherThread() throws Exception {
        globalPool = new NetworkBufferPool(4, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(1, 1);
        Buffer held = pool.requestBuffer();
        AtomicReference<Buffer> received = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread requester = new Thread(() -> {
            try {
                received.set(pool.requestBufferBlocking());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        requester.start();
        // the requester either waits on the future or has not asked yet; both end with it getting the buffer
        held.recycleBuffer();
        requester.join();

        assertThat(failure.get()).isNull();
        assertThat(received.get().getMemorySegment()).isSameAs(held.getMemorySegment());
        received.get().recycleBuffer();
    }

    @Test
    void poolBelowItsSizeWaitsForTheGlobalPoolWhenAnotherPoolGivesBackExcess() throws IOException {
        globalPool = new NetworkBufferPool(4, SEGMENT_SIZE);
        BufferPool first = globalPool.createBufferPool(1, 4);
        List<Buffer> heldByFirst = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            heldByFirst.add(first.requestBuffer());
        }
        BufferPool second = globalPool.createBufferPool(1, 4); // sizes now 2 + 2, but first holds 4

        assertThat(second.requestBuffer()).isNull();
        CompletableFuture<?> available = second.getAvailableFuture();
        assertThat(available).isNotDone();

        heldByFirst.remove(0).recycleBuffer(); // first is above its size: the segment goes to the global pool
        assertThat(available).isDone();
        Buffer buffer = second.requestBuffer();
        assertThat(buffer).isNotNull();

        buffer.recycleBuffer();
        heldByFirst.forEach(Buffer::recycleBuffer);
        first.lazyDestroy();
        second.lazyDestroy();
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(4);
    }

    @Test
    void lazyDestroyReturnsFreeSegmentsNowAndLentOnesOnRecycle() throws IOException {
        globalPool = new NetworkBufferPool(4, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(2, 2);
        Buffer lent = pool.requestBuffer();
        pool.requestBuffer().recycleBuffer();

        pool.lazyDestroy();

        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(3);
        assertThatThrownBy(pool::requestBuffer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
        lent.recycleBuffer();
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(4);
        assertThat(globalPool.getNumberOfRegisteredBufferPools()).isZero();
    }

    @Test
    void destroyWakesABlockedRequesterWithAnError() throws Exception {
        globalPool = new NetworkBufferPool(2, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(1, 1);
        Buffer held = pool.requestBuffer();
        assertThat(pool.requestBuffer()).isNull();
        CompletableFuture<?> waiting = pool.getAvailableFuture();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread requester = new Thread(() -> {
            try {
                pool.requestBufferBlocking();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        requester.start();

        pool.lazyDestroy();
        requester.join();

        assertThat(waiting).isDone();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
        held.recycleBuffer();
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(2);
    }

    @Test
    void shrinkingReturnsFreeExcessAtOnceAndLentExcessOnRecycle() throws IOException {
        globalPool = new NetworkBufferPool(6, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(1, 6);
        List<Buffer> buffers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buffers.add(pool.requestBuffer());
        }
        buffers.remove(0).recycleBuffer();

        pool.setNumBuffers(3);

        assertThat(pool.getNumberOfRequestedMemorySegments()).isEqualTo(5);
        buffers.remove(0).recycleBuffer();
        buffers.remove(0).recycleBuffer();
        assertThat(pool.getNumberOfRequestedMemorySegments()).isEqualTo(3);
        buffers.forEach(Buffer::recycleBuffer);
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(3);
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(3);
    }

    @Test
    void concurrentProducerAndConsumerLoseNoSegment() throws Exception {
        globalPool = new NetworkBufferPool(8, SEGMENT_SIZE);
        BufferPool pool = globalPool.createBufferPool(2, 4);
        java.util.concurrent.ArrayBlockingQueue<Buffer> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
        int count = 50_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    Buffer buffer = queue.take();
                    if (buffer.getMemorySegment().getInt(0) != i) {
                        throw new AssertionError("out of order at " + i);
                    }
                    buffer.recycleBuffer();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        consumer.start();
        for (int i = 0; i < count; i++) {
            Buffer buffer = pool.requestBufferBlocking();
            buffer.getMemorySegment().putInt(0, i);
            queue.put(buffer);
        }
        consumer.join();

        assertThat(failure.get()).isNull();
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(pool.getNumberOfRequestedMemorySegments());
        pool.lazyDestroy();
        assertThat(globalPool.getNumberOfAvailableMemorySegments()).isEqualTo(8);
    }
}

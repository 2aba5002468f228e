package io.freshet.runtime.taskexecutor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.freshet.api.common.JobID;
import io.freshet.runtime.deployment.InputGateDeploymentDescriptor;
import io.freshet.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.partition.consumer.BufferOrEvent;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.shuffle.ShuffleEnvironment;

/**
 * An in-memory shuffle for TaskExecutor tests: writers count and recycle the buffers they get, gates are finished
 * from the start. Records everything it created and released.
 */
final class TestingShuffleEnvironment implements ShuffleEnvironment {

    final ConcurrentLinkedQueue<CountingWriter> writers = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<FinishedInputGate> gates = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<JobID> releasedJobs = new ConcurrentLinkedQueue<>();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public List<ResultPartitionWriter> createResultPartitionWriters(JobID jobId, ExecutionAttemptID producerId,
            List<ResultPartitionDeploymentDescriptor> descriptors) {
        List<ResultPartitionWriter> created = new ArrayList<>();
        for (ResultPartitionDeploymentDescriptor descriptor : descriptors) {
            CountingWriter writer = new CountingWriter(descriptor.getNumberOfSubpartitions());
            writers.add(writer);
            created.add(writer);
        }
        return created;
    }

    @Override
    public List<InputGate> createInputGates(JobID jobId, ExecutionAttemptID consumerId,
            List<InputGateDeploymentDescriptor> descriptors) {
        List<InputGate> created = new ArrayList<>();
        for (InputGateDeploymentDescriptor descriptor : descriptors) {
            FinishedInputGate gate = new FinishedInputGate(descriptor.getChannels().size());
            gates.add(gate);
            created.add(gate);
        }
        return created;
    }

    @Override
    public void releasePartitionsOfJob(JobID jobId) {
        releasedJobs.add(jobId);
    }

    @Override
    public int getDataPort() {
        return -1;
    }

    @Override
    public void close() {
        closed.set(true);
    }

    static final class CountingWriter implements ResultPartitionWriter {
        private final int subpartitions;
        final AtomicInteger buffers = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();
        final AtomicBoolean failed = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        CountingWriter(int subpartitions) {
            this.subpartitions = subpartitions;
        }

        @Override
        public int getNumberOfSubpartitions() {
            return subpartitions;
        }

        @Override
        public void emitBuffer(int subpartition, Buffer buffer) {
            buffers.incrementAndGet();
            buffer.recycleBuffer();
        }

        @Override
        public void finish() {
            finished.set(true);
        }

        @Override
        public void fail(Throwable cause) {
            failed.set(true);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    static final class FinishedInputGate implements InputGate {
        private final int channels;
        final AtomicBoolean closed = new AtomicBoolean();

        FinishedInputGate(int channels) {
            this.channels = channels;
        }

        @Override
        public int getNumberOfInputChannels() {
            return channels;
        }

        @Override
        public Optional<BufferOrEvent> getNext() {
            return Optional.empty();
        }

        @Override
        public Optional<BufferOrEvent> pollNext() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<?> getAvailableFuture() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isFinished() {
            return true;
        }

        @Override
        public long getIdleTimeMs() {
            return 0;
        }

        @Override
        public void requestPartitions() {}

        @Override
        public void close() throws IOException {
            closed.set(true);
        }
    }
}

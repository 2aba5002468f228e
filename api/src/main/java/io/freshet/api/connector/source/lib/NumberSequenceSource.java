package io.freshet.api.connector.source.lib;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.connector.source.Boundedness;
import io.freshet.api.connector.source.ReaderOutput;
import io.freshet.api.connector.source.Source;
import io.freshet.api.connector.source.SourceReader;
import io.freshet.api.connector.source.SourceReaderContext;
import io.freshet.api.connector.source.SourceSplit;
import io.freshet.api.connector.source.SplitEnumerator;
import io.freshet.api.connector.source.SplitEnumeratorContext;
import io.freshet.api.java.typeutils.ResultTypeQueryable;
import io.freshet.core.io.DataStreamVersionedSerializer;
import io.freshet.core.io.InputStatus;
import io.freshet.core.io.SimpleVersionedSerializer;

/**
 * The numbers {@code from} to {@code to} (both included), each once, in parallel: the range is cut into one split per
 * reader; a reader asks for a split when it starts and whenever it has read its split, and ends when there is none
 * left. A split read only in part is given back whole to another reader if its reader fails.
 */
public class NumberSequenceSource implements Source<Long, NumberSequenceSource.NumberSequenceSplit,
        Collection<NumberSequenceSource.NumberSequenceSplit>>, ResultTypeQueryable<Long> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("A number sequence must not end (" + to + ") before it starts ("
                    + from + ").");
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public TypeInformation<Long> getProducedType() {
        return Types.LONG;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        return new Reader(readerContext);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
        return new Enumerator(enumContext, splitNumberRange(from, to, enumContext.currentParallelism()));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext, Collection<NumberSequenceSplit> checkpoint) {
        return new Enumerator(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return DataStreamVersionedSerializer.collectionOf(new SplitSerializer());
    }

    /** Cuts {@code [from, to]} into {@code numSplits} ranges of (nearly) equal size; none is empty. */
    protected List<NumberSequenceSplit> splitNumberRange(long from, long to, int numSplits) {
        List<NumberSequenceSplit> splits = new ArrayList<>();
        // the count may exceed Long.MAX_VALUE for the full long range; cut in unsigned arithmetic
        long count = to - from + 1;
        int parts = (int) Math.max(1, Long.compareUnsigned(count, numSplits) < 0 && count != 0 ? count : numSplits);
        long base = Long.divideUnsigned(count, parts);
        long remainder = Long.remainderUnsigned(count, parts);
        long start = from;
        for (int i = 0; i < parts; i++) {
            long size = base + (i < remainder ? 1 : 0);
            long end = start + size - 1;
            splits.add(new NumberSequenceSplit(String.valueOf(i), start, end));
            start = end + 1;
        }
        return splits;
    }

    /** A range of the numbers, {@code from} to {@code to} both included. */
    public static class NumberSequenceSplit implements SourceSplit {
        private final String splitId;
        private final long from;
        private final long to;

        public NumberSequenceSplit(String splitId, long from, long to) {
            this.splitId = splitId;
            this.from = from;
            this.to = to;
        }

        @Override
        public String splitId() {
            return splitId;
        }

        public long from() {
            return from;
        }

        public long to() {
            return to;
        }

        @Override
        public String toString() {
            return "NumberSequenceSplit{" + splitId + ": " + from + ".." + to + "}";
        }
    }

    /** Hands out the remaining splits one per request. */
    private static final class Enumerator implements SplitEnumerator<NumberSequenceSplit,
            Collection<NumberSequenceSplit>> {
        private final SplitEnumeratorContext<NumberSequenceSplit> context;
        private final Queue<NumberSequenceSplit> remaining;

        Enumerator(SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> splits) {
            this.context = context;
            this.remaining = new ArrayDeque<>(splits);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            NumberSequenceSplit next = remaining.poll();
            if (next != null) {
                context.assignSplit(next, subtaskId);
            } else {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<NumberSequenceSplit> splits, int subtaskId) {
            remaining.addAll(splits);
        }

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public Collection<NumberSequenceSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(remaining);
        }

        @Override
        public void close() {}
    }

    /** Emits its splits' numbers, asking for the next split when one is done. */
    private static final class Reader implements SourceReader<Long, NumberSequenceSplit> {
        private final SourceReaderContext context;
        private final Queue<NumberSequenceSplit> splits = new ArrayDeque<>();
        private NumberSequenceSplit current;
        private long next;
        private boolean noMoreSplits;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            if (current == null) {
                current = splits.poll();
                if (current == null) {
                    if (noMoreSplits) {
                        return InputStatus.END_OF_INPUT;
                    }
                    if (available.isDone()) {
                        available = new CompletableFuture<>();
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }
                next = current.from();
            }
            output.collect(next);
            if (next == current.to()) {
                current = null;
                context.sendSplitRequest();
            } else {
                next++;
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<NumberSequenceSplit> snapshotState(long checkpointId) {
            List<NumberSequenceSplit> state = new ArrayList<>();
            if (current != null) {
                state.add(new NumberSequenceSplit(current.splitId(), next, current.to()));
            }
            state.addAll(splits);
            return state;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<NumberSequenceSplit> newSplits) {
            splits.addAll(newSplits);
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            available.complete(null);
        }

        @Override
        public void close() {}
    }

    private static final class SplitSerializer extends DataStreamVersionedSerializer<NumberSequenceSplit> {
        SplitSerializer() {
            super(1, "a NumberSequenceSource split");
        }

        @Override
        protected void write(NumberSequenceSplit split, DataOutputStream out) throws IOException {
            out.writeUTF(split.splitId());
            out.writeLong(split.from());
            out.writeLong(split.to());
        }

        @Override
        protected NumberSequenceSplit read(DataInputStream in) throws IOException {
            return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}

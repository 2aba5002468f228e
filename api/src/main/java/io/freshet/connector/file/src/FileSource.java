package io.freshet.connector.file.src;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.connector.source.Boundedness;
import io.freshet.api.connector.source.ReaderOutput;
import io.freshet.api.connector.source.Source;
import io.freshet.api.connector.source.SourceReader;
import io.freshet.api.connector.source.SourceReaderContext;
import io.freshet.api.connector.source.SplitEnumerator;
import io.freshet.api.connector.source.SplitEnumeratorContext;
import io.freshet.api.java.typeutils.ResultTypeQueryable;
import io.freshet.connector.file.src.reader.StreamFormat;
import io.freshet.core.fs.FSDataInputStream;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.core.io.DataStreamVersionedSerializer;
import io.freshet.core.io.InputStatus;
import io.freshet.core.io.SimpleVersionedSerializer;

/**
 * Reads files: {@code FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/data/in")).build()}.
 *
 * <p>The enumerator (on the JobManager) lists the given files and directories, recursively, leaving out names that
 * start with '.' or '_' (hidden and in-progress files), and hands out one split per file to readers that ask. Bounded
 * by default: the job's input ends when every file is read. With {@code monitorContinuously(interval)} the
 * directories are listed again every interval and new files are read as they appear (unbounded). Paths are local
 * ({@code file://} or no scheme) or of any file system whose factory is on the classpath.
 */
public final class FileSource<T> implements Source<T, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>,
        ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final Path[] inputPaths;
    private final StreamFormat<T> format;
    private final Duration discoveryInterval;

    private FileSource(Path[] inputPaths, StreamFormat<T> format, Duration discoveryInterval) {
        this.inputPaths = inputPaths;
        this.format = format;
        this.discoveryInterval = discoveryInterval;
    }

    /** A source of the records {@code streamFormat} reads from the files under {@code paths}. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> streamFormat, Path... paths) {
        if (streamFormat == null) {
            throw new NullPointerException("A FileSource needs a format, such as new TextLineInputFormat().");
        }
        if (paths == null || paths.length == 0) {
            throw new IllegalArgumentException("A FileSource needs at least one path to read.");
        }
        return new FileSourceBuilder<>(paths.clone(), streamFormat);
    }

    /** Builds a {@link FileSource}. */
    public static final class FileSourceBuilder<T> {
        private final Path[] paths;
        private final StreamFormat<T> format;
        private Duration discoveryInterval;

        FileSourceBuilder(Path[] paths, StreamFormat<T> format) {
            this.paths = paths;
            this.format = format;
        }

        /** Keeps watching the paths for new files, every {@code discoveryInterval}; the source is then unbounded. */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            if (discoveryInterval == null || discoveryInterval.isNegative() || discoveryInterval.isZero()) {
                throw new IllegalArgumentException("The discovery interval of monitorContinuously must be positive,"
                        + " not " + discoveryInterval);
            }
            this.discoveryInterval = discoveryInterval;
            return this;
        }

        /** Reads the files that exist now, then ends (the default). */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.discoveryInterval = null;
            return this;
        }

        public FileSource<T> build() {
            return new FileSource<>(paths, format, discoveryInterval);
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return format.getProducedType();
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryInterval == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext readerContext) {
        return new Reader<>(readerContext, format);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext) {
        return new Enumerator(enumContext, null);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext, PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
        return new Enumerator(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>> getEnumeratorCheckpointSerializer() {
        return new CheckpointSerializer();
    }

    // ---- enumerator ----

    /** Lists the files and hands them out, one split per file, to readers that ask. */
    private final class Enumerator implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> {
        private final SplitEnumeratorContext<FileSourceSplit> context;
        private final Queue<FileSourceSplit> pending = new ArrayDeque<>();
        private final Set<Path> seen = new HashSet<>();
        private final Set<Integer> waitingReaders = new LinkedHashSet<>();
        private final boolean restored;
        private int nextSplitId;

        /** A new enumerator ({@code checkpoint} null), or one restored from a checkpoint. */
        Enumerator(SplitEnumeratorContext<FileSourceSplit> context,
                PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
            this.context = context;
            this.restored = checkpoint != null;
            if (checkpoint != null) {
                for (FileSourceSplit split : checkpoint.getSplits()) {
                    pending.add(split);
                    seen.add(split.path());
                }
                seen.addAll(checkpoint.getAlreadyProcessedPaths());
                nextSplitId = checkpoint.getSplits().size() + checkpoint.getAlreadyProcessedPaths().size();
            }
        }

        @Override
        public void start() {
            if (discoveryInterval == null) {
                if (!restored) {
                    try {
                        addNewFiles(listFiles());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("Cannot list the files of the FileSource: "
                                + e.getMessage(), e);
                    }
                }
            } else {
                long millis = discoveryInterval.toMillis();
                context.callAsync(this::listFiles, (files, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException("Cannot list the files of the FileSource: "
                                + failure.getMessage(), failure);
                    }
                    addNewFiles(files);
                    assignToWaitingReaders();
                }, 0, millis);
            }
        }

        private List<FileStatus> listFiles() throws IOException {
            List<FileStatus> files = new ArrayList<>();
            for (Path path : inputPaths) {
                FileSystem fs = path.getFileSystem();
                FileStatus status = fs.getFileStatus(path);
                collect(fs, status, files);
            }
            return files;
        }

        private void collect(FileSystem fs, FileStatus status, List<FileStatus> files) throws IOException {
            String name = status.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                return;
            }
            if (!status.isDir()) {
                files.add(status);
                return;
            }
            for (FileStatus child : fs.listStatus(status.getPath())) {
                collect(fs, child, files);
            }
        }

        private void addNewFiles(List<FileStatus> files) {
            for (FileStatus file : files) {
                if (seen.add(file.getPath())) {
                    pending.add(new FileSourceSplit(String.valueOf(nextSplitId++), file.getPath(), 0, file.getLen(),
                            file.getModificationTime(), file.getLen()));
                }
            }
        }

        private void assignToWaitingReaders() {
            java.util.Iterator<Integer> readers = waitingReaders.iterator();
            while (readers.hasNext() && !pending.isEmpty()) {
                int subtask = readers.next();
                readers.remove();
                if (context.registeredReaders().containsKey(subtask)) {
                    context.assignSplit(pending.poll(), subtask);
                }
            }
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            FileSourceSplit next = pending.poll();
            if (next != null) {
                context.assignSplit(next, subtaskId);
            } else if (discoveryInterval == null) {
                context.signalNoMoreSplits(subtaskId);
            } else {
                waitingReaders.add(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
            pending.addAll(splits);
            waitingReaders.remove(subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public PendingSplitsCheckpoint<FileSourceSplit> snapshotState(long checkpointId) {
            List<Path> processed = new ArrayList<>(seen);
            for (FileSourceSplit split : pending) {
                processed.remove(split.path());
            }
            return PendingSplitsCheckpoint.fromCollectionSnapshot(pending, processed);
        }

        @Override
        public void close() {}
    }

    // ---- reader ----

    /** Reads its splits one after another, asking for the next when one is done. */
    private static final class Reader<T> implements SourceReader<T, FileSourceSplit> {
        private final SourceReaderContext context;
        private final StreamFormat<T> format;
        private final Queue<FileSourceSplit> splits = new ArrayDeque<>();
        private StreamFormat.Reader<T> current;
        private FileSourceSplit currentSplit;
        /** Records of the current split emitted so far (from its start), for the checkpointed position. */
        private long recordsEmitted;
        private boolean noMoreSplits;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader(SourceReaderContext context, StreamFormat<T> format) {
            this.context = context;
            this.format = format;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            while (true) {
                if (current == null) {
                    currentSplit = splits.poll();
                    if (currentSplit == null) {
                        if (noMoreSplits) {
                            return InputStatus.END_OF_INPUT;
                        }
                        if (available.isDone()) {
                            available = new CompletableFuture<>();
                        }
                        return InputStatus.NOTHING_AVAILABLE;
                    }
                    current = open(currentSplit);
                    recordsEmitted = 0;
                    long skip = currentSplit.getReaderPosition().map(p -> p.getRecordsAfterOffset()).orElse(0L);
                    // a restored split: the records before its checkpointed position were emitted before the failure
                    while (recordsEmitted < skip && current.read() != null) {
                        recordsEmitted++;
                    }
                }
                T record = current.read();
                if (record != null) {
                    recordsEmitted++;
                    output.collect(record);
                    return InputStatus.MORE_AVAILABLE;
                }
                current.close();
                current = null;
                currentSplit = null;
                context.sendSplitRequest();
            }
        }

        private StreamFormat.Reader<T> open(FileSourceSplit split) throws IOException {
            FileSystem fs = split.path().getFileSystem();
            FSDataInputStream stream = fs.open(split.path());
            try {
                if (split.offset() > 0) {
                    stream.seek(split.offset());
                }
                return format.createReader(context.getConfiguration(), stream, split.fileSize(),
                        split.offset() + split.length());
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }

        @Override
        public List<FileSourceSplit> snapshotState(long checkpointId) {
            List<FileSourceSplit> state = new ArrayList<>();
            if (currentSplit != null) {
                state.add(currentSplit.updateWithCheckpointedPosition(
                        new io.freshet.connector.file.src.util.CheckpointedPosition(
                                io.freshet.connector.file.src.util.CheckpointedPosition.NO_OFFSET, recordsEmitted)));
            }
            state.addAll(splits);
            return state;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<FileSourceSplit> newSplits) {
            splits.addAll(newSplits);
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            available.complete(null);
        }

        @Override
        public void close() throws Exception {
            if (current != null) {
                current.close();
            }
        }
    }

    // ---- serializers ----

    private static final class SplitSerializer extends DataStreamVersionedSerializer<FileSourceSplit> {
        SplitSerializer() {
            super(1, "a FileSource split");
        }

        @Override
        protected void write(FileSourceSplit split, DataOutputStream out) throws IOException {
            out.writeUTF(split.splitId());
            out.writeUTF(split.path().toString());
            out.writeLong(split.offset());
            out.writeLong(split.length());
            out.writeLong(split.fileModificationTime());
            out.writeLong(split.fileSize());
            io.freshet.connector.file.src.util.CheckpointedPosition position = split.getReaderPosition().orElse(null);
            out.writeBoolean(position != null);
            if (position != null) {
                out.writeLong(position.getOffset());
                out.writeLong(position.getRecordsAfterOffset());
            }
        }

        @Override
        protected FileSourceSplit read(DataInputStream in) throws IOException {
            String id = in.readUTF();
            Path path = new Path(in.readUTF());
            long offset = in.readLong();
            long length = in.readLong();
            long modificationTime = in.readLong();
            long fileSize = in.readLong();
            io.freshet.connector.file.src.util.CheckpointedPosition position = in.readBoolean()
                    ? new io.freshet.connector.file.src.util.CheckpointedPosition(in.readLong(), in.readLong()) : null;
            return new FileSourceSplit(id, path, offset, length, modificationTime, fileSize, position);
        }
    }

    private static final class CheckpointSerializer
            extends DataStreamVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>> {
        private final SplitSerializer splits = new SplitSerializer();

        CheckpointSerializer() {
            super(1, "a FileSource enumerator checkpoint");
        }

        @Override
        protected void write(PendingSplitsCheckpoint<FileSourceSplit> checkpoint, DataOutputStream out)
                throws IOException {
            out.writeInt(checkpoint.getSplits().size());
            for (FileSourceSplit split : checkpoint.getSplits()) {
                splits.write(split, out);
            }
            out.writeInt(checkpoint.getAlreadyProcessedPaths().size());
            for (Path path : checkpoint.getAlreadyProcessedPaths()) {
                out.writeUTF(path.toString());
            }
        }

        @Override
        protected PendingSplitsCheckpoint<FileSourceSplit> read(DataInputStream in) throws IOException {
            int count = in.readInt();
            List<FileSourceSplit> pending = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pending.add(splits.read(in));
            }
            int paths = in.readInt();
            List<Path> processed = new ArrayList<>(paths);
            for (int i = 0; i < paths; i++) {
                processed.add(new Path(in.readUTF()));
            }
            return PendingSplitsCheckpoint.fromCollectionSnapshot(pending, processed);
        }
    }

    @Override
    public String toString() {
        return "FileSource" + Arrays.toString(inputPaths);
    }
}

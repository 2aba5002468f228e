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
public final class FileSource<T> implements Source<T, FileSourceSplit, Collection<FileSourceSplit>>,
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
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext) {
        return new Enumerator(enumContext, List.of());
    }

    @Override
    public SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> enumContext, Collection<FileSourceSplit> checkpoint) {
        return new Enumerator(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<FileSourceSplit>> getEnumeratorCheckpointSerializer() {
        return DataStreamVersionedSerializer.collectionOf(new SplitSerializer());
    }

    // ---- enumerator ----

    /** Lists the files and hands them out, one split per file, to readers that ask. */
    private final class Enumerator implements SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> {
        private final SplitEnumeratorContext<FileSourceSplit> context;
        private final Queue<FileSourceSplit> pending = new ArrayDeque<>();
        private final Set<Path> seen = new HashSet<>();
        private final Set<Integer> waitingReaders = new LinkedHashSet<>();
        private final boolean restored;
        private int nextSplitId;

        Enumerator(SplitEnumeratorContext<FileSourceSplit> context, Collection<FileSourceSplit> restoredSplits) {
            this.context = context;
            this.restored = !restoredSplits.isEmpty();
            for (FileSourceSplit split : restoredSplits) {
                pending.add(split);
                seen.add(split.path());
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
        public Collection<FileSourceSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(pending);
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
                }
                T record = current.read();
                if (record != null) {
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
                state.add(currentSplit);
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
        }

        @Override
        protected FileSourceSplit read(DataInputStream in) throws IOException {
            return new FileSourceSplit(in.readUTF(), new Path(in.readUTF()), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong());
        }
    }

    @Override
    public String toString() {
        return "FileSource" + Arrays.toString(inputPaths);
    }
}

package io.freshet.connector.file.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.freshet.api.common.serialization.Encoder;
import io.freshet.api.connector.sink2.Committer;
import io.freshet.api.connector.sink2.CommitterInitContext;
import io.freshet.api.connector.sink2.CommittingSinkWriter;
import io.freshet.api.connector.sink2.InitContext;
import io.freshet.api.connector.sink2.Sink;
import io.freshet.api.connector.sink2.SinkWriter;
import io.freshet.api.connector.sink2.SupportsCommitter;
import io.freshet.api.connector.sink2.WriterInitContext;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.core.io.DataStreamVersionedSerializer;
import io.freshet.core.io.SimpleVersionedSerializer;
import io.freshet.streaming.api.functions.sink.filesystem.BucketAssigner;
import io.freshet.streaming.api.functions.sink.filesystem.OutputFileConfig;
import io.freshet.streaming.api.functions.sink.filesystem.PartFileInfo;
import io.freshet.streaming.api.functions.sink.filesystem.RollingPolicy;
import io.freshet.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import io.freshet.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * Writes rows into part files under a base path, one directory per bucket, exactly once with checkpoints:
 * {@code stream.sinkTo(FileSink.forRowFormat(new Path("hdfs:///out"), new SimpleStringEncoder<>()).build())}.
 *
 * <p>A part file is written as a hidden in-progress file ({@code .part-<uid>-<n>.inprogress}); at every checkpoint
 * (and when the rolling policy says so) it is closed and becomes pending; when the checkpoint completes, pending files
 * are renamed to their final names ({@code part-<uid>-<n>}) and become visible. After a failure the job restores its
 * latest checkpoint, whose pending files are committed (again: a rename that happened already is recognized), and
 * what was written after it is rewritten by the replayed input into new files; the abandoned in-progress files stay
 * hidden. When a bounded input ends, the rest is committed at once. Works on every file system Freshet has
 * ({@code file://}, and {@code hdfs://} with the hdfs-checkpoints module). Without checkpoints, files are committed
 * only at the end of a bounded input.
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSink.FileSinkCommittable> {

    private static final long serialVersionUID = 1L;

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, ?> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;

    private FileSink(RowFormatBuilder<IN> builder) {
        this.basePath = builder.basePath;
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.outputFileConfig = builder.outputFileConfig;
    }

    /** A sink writing each element with {@code encoder} as a row of a part file under {@code basePath}. */
    public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    /** Builds a row-format {@link FileSink}. */
    public static final class RowFormatBuilder<IN> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, ?> bucketAssigner = new DateTimeBucketAssigner<>();
        private RollingPolicy<IN, String> rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();

        RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            this.encoder = Objects.requireNonNull(encoder, "encoder");
        }

        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, ?> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
            return this;
        }

        @SuppressWarnings("unchecked")
        public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, ?> policy) {
            this.rollingPolicy = (RollingPolicy<IN, String>) Objects.requireNonNull(policy, "policy");
            return this;
        }

        public RowFormatBuilder<IN> withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }

    @Override
    @Deprecated
    public SinkWriter<IN> createWriter(InitContext context) throws IOException {
        return new Writer<>(this, context.getSubtaskId());
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(this, context.getSubtaskId());
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return new CommittableSerializer();
    }

    /** A pending part file and the name it gets when committed. */
    public static final class FileSinkCommittable implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String pendingFile;
        private final String finalFile;

        public FileSinkCommittable(String pendingFile, String finalFile) {
            this.pendingFile = pendingFile;
            this.finalFile = finalFile;
        }

        public String getPendingFile() {
            return pendingFile;
        }

        public String getFinalFile() {
            return finalFile;
        }

        @Override
        public String toString() {
            return "pending file " + pendingFile + " -> " + finalFile;
        }
    }

    // ---- writer ----

    /** One subtask's part files: one open per bucket, and those closed since the last checkpoint. */
    private static final class Writer<IN> implements CommittingSinkWriter<IN, FileSinkCommittable> {
        private final FileSink<IN> sink;
        /** Unique to this writer instance (and so to this attempt): part names never collide. */
        private final String uid;
        private final Map<String, PartFile> open = new HashMap<>();
        private final List<FileSinkCommittable> closed = new ArrayList<>();
        private final BucketContext bucketContext = new BucketContext();
        private long counter;

        Writer(FileSink<IN> sink, int subtask) {
            this.sink = sink;
            this.uid = subtask + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }

        @Override
        public void write(IN element, Context context) throws IOException {
            bucketContext.context = context;
            Object bucketId = sink.bucketAssigner.getBucketId(element, bucketContext);
            String bucket = bucketId == null ? "" : bucketId.toString();
            PartFile part = open.get(bucket);
            long now = System.currentTimeMillis();
            if (part != null && sink.rollingPolicy.shouldRollOnProcessingTime(part, now)) {
                close(bucket, part);
                part = null;
            }
            if (part == null) {
                part = newPart(bucket, now);
                open.put(bucket, part);
            }
            sink.encoder.encode(element, part.stream);
            part.lastUpdate = now;
            if (sink.rollingPolicy.shouldRollOnEvent(part, element)) {
                close(bucket, part);
            }
        }

        private PartFile newPart(String bucket, long now) throws IOException {
            Path directory = bucket.isEmpty() ? sink.basePath : new Path(sink.basePath, bucket);
            String name = sink.outputFileConfig.getPartPrefix() + "-" + uid + "-" + counter++
                    + sink.outputFileConfig.getPartSuffix();
            Path pending = new Path(directory, "." + name + ".inprogress");
            FileSystem fs = pending.getFileSystem();
            fs.mkdirs(directory);
            OutputStream stream = fs.create(pending, FileSystem.WriteMode.OVERWRITE);
            return new PartFile(bucket, now, pending, new Path(directory, name), stream);
        }

        private void close(String bucket, PartFile part) throws IOException {
            part.stream.close();
            open.remove(bucket);
            closed.add(new FileSinkCommittable(part.pending.toString(), part.target.toString()));
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (PartFile part : open.values()) {
                part.stream.flush();
            }
        }

        @Override
        public Collection<FileSinkCommittable> prepareCommit() throws IOException {
            for (Map.Entry<String, PartFile> entry : new ArrayList<>(open.entrySet())) {
                close(entry.getKey(), entry.getValue());
            }
            List<FileSinkCommittable> ready = new ArrayList<>(closed);
            closed.clear();
            return ready;
        }

        @Override
        public void close() throws IOException {
            // in-progress files stay behind, hidden: the input that produced them is replayed after a restore
            for (PartFile part : open.values()) {
                part.stream.close();
            }
            open.clear();
        }
    }

    /** A part file being written. */
    private static final class PartFile implements PartFileInfo<String> {
        final String bucket;
        final long created;
        final Path pending;
        final Path target;
        final CountingStream stream;
        long lastUpdate;

        PartFile(String bucket, long created, Path pending, Path target, OutputStream stream) {
            this.bucket = bucket;
            this.created = created;
            this.lastUpdate = created;
            this.pending = pending;
            this.target = target;
            this.stream = new CountingStream(stream);
        }

        @Override
        public String getBucketId() {
            return bucket;
        }

        @Override
        public long getCreationTime() {
            return created;
        }

        @Override
        public long getSize() {
            return stream.count;
        }

        @Override
        public long getLastUpdateTime() {
            return lastUpdate;
        }
    }

    /** Buffers writes and counts the bytes (the part file's size for the rolling policy). */
    private static final class CountingStream extends java.io.BufferedOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out, 64 * 1024);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }
    }

    private static final class BucketContext implements BucketAssigner.Context {
        SinkWriter.Context context;

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return context == null ? Long.MIN_VALUE : context.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return context == null ? null : context.timestamp();
        }
    }

    // ---- committer ----

    /** Renames pending files to their final names; a file renamed before (a restore commits again) is fine. */
    private static final class FileCommitter implements Committer<FileSinkCommittable> {
        @Override
        public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
            for (CommitRequest<FileSinkCommittable> request : requests) {
                FileSinkCommittable committable = request.getCommittable();
                Path pending = new Path(committable.getPendingFile());
                Path target = new Path(committable.getFinalFile());
                FileSystem fs = pending.getFileSystem();
                if (fs.exists(pending)) {
                    if (!fs.rename(pending, target)) {
                        request.signalFailedWithKnownReason(new IOException("could not rename " + pending + " to "
                                + target));
                    }
                } else if (fs.exists(target)) {
                    request.signalAlreadyCommitted();
                } else {
                    request.signalFailedWithKnownReason(new IOException("the pending part file " + pending
                            + " is gone (deleted from outside?); its records are lost"));
                }
            }
        }

        @Override
        public void close() {}
    }

    private static final class CommittableSerializer extends DataStreamVersionedSerializer<FileSinkCommittable> {
        CommittableSerializer() {
            super(1, "a FileSink committable");
        }

        @Override
        protected void write(FileSinkCommittable committable, DataOutputStream out) throws IOException {
            out.writeUTF(committable.getPendingFile());
            out.writeUTF(committable.getFinalFile());
        }

        @Override
        protected FileSinkCommittable read(DataInputStream in) throws IOException {
            return new FileSinkCommittable(in.readUTF(), in.readUTF());
        }
    }

    @Override
    public String toString() {
        return "FileSink(" + basePath + ")";
    }
}

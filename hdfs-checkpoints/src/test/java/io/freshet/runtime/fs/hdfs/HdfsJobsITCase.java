package io.freshet.runtime.fs.hdfs;

import static io.freshet.streaming.util.CountingJob.FAILURES;
import static io.freshet.streaming.util.CountingJob.RESTORED_SOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.freshet.streaming.util.CountingJob;
import io.freshet.streaming.util.CountingJob.CountingFunction;
import io.freshet.streaming.util.CountingJob.LatestSink;
import io.freshet.streaming.util.CountingJob.RewindableSource;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.configuration.Configuration;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.execution.JobClient;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/**
 * DataStream jobs on the embedded MiniCluster with their files on HDFS: a FileSource reading {@code hdfs://}
 * directories, and a keyed job checkpointing to an {@code hdfs://} directory that fails once and still ends with
 * exact results.
 */
class HdfsJobsITCase {

    private static final int PARALLELISM = 2;
    private static final int KEYS = 7;
    private static final long RECORDS = 10_000;

    private static MiniDfs dfs;

    @BeforeAll
    static void startDfs() throws IOException {
        dfs = MiniDfs.start("HdfsJobsITCase");
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.close();
        }
    }

    @BeforeEach
    void reset() {
        CountingJob.reset(0);
    }

    private static StreamExecutionEnvironment environment(Configuration extra) {
        Configuration configuration = new Configuration();
        configuration.setString("restart-strategy.type", "fixed-delay");
        configuration.setString("restart-strategy.fixed-delay.attempts", "3");
        configuration.setString("restart-strategy.fixed-delay.delay", "20 ms");
        configuration.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }

    // ---- reading hdfs:// files ----

    @Test
    void aFileSourceReadsHdfsDirectories() throws Exception {
        Path input = new Path(dfs.uri("/input"));
        FileSystem fs = input.getFileSystem();
        int files = 3;
        int linesPerFile = 1_000;
        for (int f = 0; f < files; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < linesPerFile; i++) {
                lines.append(f * linesPerFile + i).append('\n');
            }
            try (OutputStream out = fs.create(new Path(input, "part-" + f + ".txt"), FileSystem.WriteMode.OVERWRITE)) {
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        // hidden and underscore files are not input, as on local directories
        try (OutputStream out = fs.create(new Path(input, "_SUCCESS"), FileSystem.WriteMode.OVERWRITE)) {
            out.write("not a number\n".getBytes(StandardCharsets.UTF_8));
        }

        StreamExecutionEnvironment env = environment(new Configuration());
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), input).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "hdfs files")
                .map(Long::parseLong)
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction())
                .addSink(new LatestSink());
        env.execute("reading hdfs");

        CountingJob.assertExactResults(KEYS, files * linesPerFile, 1);
    }

    // ---- checkpoints on hdfs:// ----

    @Test
    void aCheckpointedJobFailsOnceAndEndsExactWithItsCheckpointsOnHdfs() throws Exception {
        String checkpointDirectory = dfs.uri("/freshet/checkpoints");
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", checkpointDirectory);
        configuration.setString("execution.checkpointing.interval", "100 ms");
        // handed to Hadoop: a file's close polls the NameNode sooner (400 ms by default), so small checkpoint
        // files are complete in milliseconds rather than after the NameNode's next poll
        configuration.setString("flink.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "10");
        StreamExecutionEnvironment env = environment(configuration);
        CountingJob.failuresToInject = 1;
        env.addSource(new RewindableSource(RECORDS)).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).name("count")
                .addSink(new LatestSink()).name("latest");
        JobClient client = env.executeAsync("checkpointing to hdfs");

        // while the job runs, its checkpoints appear as <dir>/<job-id>/chk-<n>/_metadata on HDFS
        Path jobDirectory = new Path(new Path(checkpointDirectory), client.getJobID().toString());
        FileSystem fs = jobDirectory.getFileSystem();
        CompletedCheckpoint read = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read == null && System.nanoTime() < deadline) {
            for (Path metadata : metadataFiles(fs, jobDirectory)) {
                try {
                    read = CheckpointMetadataStorage.read(metadata.getParent().toString(), getClass().getClassLoader());
                    break;
                } catch (IOException e) {
                    // subsumed and deleted, or still being written: look again
                }
            }
            Thread.sleep(10);
        }
        assertThat(read).as("a checkpoint appeared under %s", jobDirectory).isNotNull();
        assertThat(read.getExternalPointer()).startsWith(dfs.uri("/freshet/checkpoints/"));
        assertThat(read.getAllTaskStates()).as("the sources and the keyed function have state").hasSize(2);

        client.getJobExecutionResult().get();

        assertThat(FAILURES.get()).as("the injected failure happened").isEqualTo(1);
        assertThat(RESTORED_SOURCES.get()).as("both sources restored from a checkpoint").isEqualTo(PARALLELISM);
        CountingJob.assertExactResults(KEYS, RECORDS, PARALLELISM);
        // a finished job keeps no checkpoint, not even one whose writing ended after the job (deleted in the
        // background: wait for it)
        long cleanDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!metadataFiles(fs, jobDirectory).isEmpty() && System.nanoTime() < cleanDeadline) {
            Thread.sleep(20);
        }
        assertThat(metadataFiles(fs, jobDirectory)).isEmpty();
    }

    private static List<Path> metadataFiles(FileSystem fs, Path jobDirectory) throws IOException {
        List<Path> metadata = new ArrayList<>();
        if (!fs.exists(jobDirectory)) {
            return metadata;
        }
        for (FileStatus checkpoint : fs.listStatus(jobDirectory)) {
            Path file = new Path(checkpoint.getPath(), CheckpointMetadataStorage.METADATA_FILE_NAME);
            if (checkpoint.getPath().getName().startsWith("chk-") && fs.exists(file)) {
                metadata.add(file);
            }
        }
        return metadata;
    }

}

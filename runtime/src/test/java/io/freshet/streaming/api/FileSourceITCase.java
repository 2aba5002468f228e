package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.execution.JobClient;
import io.freshet.core.fs.Path;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.util.Collector;

/** {@code FileSource} with {@code TextLineInputFormat} on the embedded MiniCluster, over real local files. */
class FileSourceITCase {

    @TempDir
    java.nio.file.Path dir;

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    private void write(String name, String... lines) throws Exception {
        java.nio.file.Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineOfEveryVisibleFileUnderTheDirectoryIsReadOnce() throws Exception {
        write("a.txt", "to be or not to be", "that is the question");
        write("nested/b.txt", "whether tis nobler", "in the mind to suffer");
        write(".hidden.txt", "never read");
        write("_in-progress", "never read either");
        List<String> expected = new ArrayList<>(List.of("to be or not to be", "that is the question",
                "whether tis nobler", "in the mind to suffer"));
        for (int i = 0; i < 3_000; i++) {
            expected.add("line " + i);
        }
        write("c.txt", expected.subList(4, expected.size()).toArray(new String[0]));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString())).build(),
                WatermarkStrategy.noWatermarks(), "text files").addSink(sink);
        env.execute("file source");

        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBatchWordCountOverFilesGivesFinalCounts() throws Exception {
        write("1.txt", "a b a", "c");
        write("2.txt", "b a");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        CollectSink<Tuple2<String, Integer>> sink = sink();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toUri())).build(),
                        WatermarkStrategy.noWatermarks(), "words")
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .returns(Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(value -> value.f0)
                .sum(1)
                .addSink(sink);
        env.execute("batch file word count");

        assertThat(sink.results()).containsExactlyInAnyOrder(Tuple2.of("a", 3), Tuple2.of("b", 2), Tuple2.of("c", 1));
    }

    @Test
    void aPathThatDoesNotExistFailsTheJobNamingIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        String missing = dir.resolve("no-such-input").toString();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(missing)).build(),
                WatermarkStrategy.noWatermarks(), "missing files").addSink(sink());

        assertThatThrownBy(() -> env.execute("missing input")).hasStackTraceContaining(missing)
                .hasStackTraceContaining("does not exist");
    }

    @Test
    void monitoringADirectoryReadsFilesThatAppearLater() throws Exception {
        write("first.txt", "one", "two");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString()))
                        .monitorContinuously(Duration.ofMillis(50)).build(),
                WatermarkStrategy.noWatermarks(), "watched files").addSink(sink);
        JobClient job = env.executeAsync("watching");
        try {
            awaitSize(sink, 2);
            // written elsewhere, then moved in: the enumerator never sees a half-written file
            java.nio.file.Path staging = Files.createTempDirectory("staging").resolve("second.txt");
            Files.write(staging, List.of("three", "four", "five"), StandardCharsets.UTF_8);
            Files.move(staging, dir.resolve("second.txt"));
            awaitSize(sink, 5);
            assertThat(sink.results()).containsExactlyInAnyOrder("one", "two", "three", "four", "five");
            assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS).isTerminalState()).isFalse();
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitSize(CollectSink<String> sink, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sink.results().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sink.results()).hasSizeGreaterThanOrEqualTo(size);
    }

    @Test
    void theBuilderRefusesNoPathsAndABadInterval() {
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat()))
                .hasMessageContaining("at least one path");
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/tmp"))
                .monitorContinuously(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new TextLineInputFormat("NO-SUCH-CHARSET"))
                .isInstanceOf(java.nio.charset.UnsupportedCharsetException.class);
        assertThatThrownBy(() -> new Path("hdfs://nn:8020/in").getFileSystem())
                .hasMessageContaining("No file system for the scheme 'hdfs'");
    }
}

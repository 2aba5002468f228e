package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.java.tuple.Tuple3;
import io.freshet.core.fs.FileSystem.WriteMode;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/** {@code writeAsText} and {@code writeAsCsv}: one file at parallelism 1, a directory of numbered files above. */
class FileSinkITCase {

    @TempDir
    Path temp;

    @Test
    void atParallelismOneThePathIsOneFileWithALinePerRecord() throws Exception {
        Path file = temp.resolve("out.txt");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        env.fromElements("to", "be", "or", "not").writeAsText(file.toString());
        env.execute();

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("to\nbe\nor\nnot\n");
    }

    @Test
    void atParallelismTwoThePathIsADirectoryWithFilesOneAndTwo() throws Exception {
        Path directory = temp.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        env.fromSequence(1, 1_000).writeAsText(directory.toString());
        env.execute();

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("1", "2");
        }
        List<Long> written = new ArrayList<>();
        for (String name : List.of("1", "2")) {
            List<String> lines = Files.readAllLines(directory.resolve(name));
            assertThat(lines).as("each subtask wrote its share").isNotEmpty();
            lines.forEach(line -> written.add(Long.parseLong(line)));
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 1_000).boxed().collect(Collectors.toList()));
    }

    @Test
    void anExistingFileFailsTheJobUnderNoOverwriteNamingItAndOverwriteReplacesIt() throws Exception {
        Path file = Files.writeString(temp.resolve("exists.txt"), "old contents\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements("new").writeAsText(file.toString());

        assertThatThrownBy(() -> env.execute("no overwrite")).hasStackTraceContaining("The file " + file
                + " exists already").hasStackTraceContaining("Use WriteMode.OVERWRITE");
        assertThat(Files.readString(file)).isEqualTo("old contents\n");

        env.fromElements("new").writeAsText(file.toString(), WriteMode.OVERWRITE);
        env.execute("overwrite");
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void overwriteAtParallelismTwoReplacesAFileWithTheDirectory() throws Exception {
        Path path = Files.writeString(temp.resolve("was-a-file"), "old\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        env.fromSequence(1, 10).writeAsText(path.toString(), WriteMode.OVERWRITE);
        env.execute();

        assertThat(path).isDirectory();
        assertThat(Files.readAllLines(path.resolve("1")).size() + Files.readAllLines(path.resolve("2")).size())
                .isEqualTo(10);
    }

    @Test
    void writeAsCsvWritesTupleFieldsWithTheGivenDelimiters() throws Exception {
        Path comma = temp.resolve("comma.csv");
        Path custom = temp.resolve("custom.csv");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        env.fromElements(Tuple3.of("alice", 3, 1.5), Tuple3.of("bob", 7, -2.0)).writeAsCsv(comma.toString());
        env.fromElements(Tuple3.of("carol", 1, 0.25)).writeAsCsv(custom.toString(), WriteMode.NO_OVERWRITE, "|\n",
                ";");
        env.execute();

        assertThat(Files.readString(comma)).isEqualTo("alice,3,1.5\nbob,7,-2.0\n");
        assertThat(Files.readString(custom)).isEqualTo("carol;1;0.25|\n");
    }

    @Test
    void writeAsCsvOfNonTuplesIsRefusedNamingTheType() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> env.fromElements("a", "b").writeAsCsv(temp.resolve("x.csv").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeAsCsv() can only write"
                        + " streams of tuples").hasMessageContaining("String");
    }
}

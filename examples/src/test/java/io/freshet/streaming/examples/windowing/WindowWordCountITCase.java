package io.freshet.streaming.examples.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.examples.util.ExampleRun;
import io.freshet.testutils.DistributionScripts;

/** The WindowWordCount example run through {@code bin/flink run -t local}. */
class WindowWordCountITCase {

    @TempDir
    Path temp;

    @Test
    void theBuiltInTextFillsOneDefaultWindowOfTheMostFrequentWord() throws Exception {
        DistributionScripts.Result result = new ExampleRun(temp).run(WindowWordCount.class, 1);

        // "the" occurs 8 times in each of the 30 verses: 240 times, so only the window at 150 fires
        assertThat(ExampleRun.recordLines(result.stdout)).containsExactly("(the,150)");
        assertThat(result.stdout).contains("Executing WindowWordCount example with default input data set.");
    }

    @Test
    void aFileCountedInSmallWindowsAtParallelismTwoGivesEachFiringsCount() throws Exception {
        Path input = Files.writeString(temp.resolve("input.txt"), "a b a c a b a a\nb c b\n");
        Path output = temp.resolve("counts");

        new ExampleRun(temp).run(WindowWordCount.class, 2, "--input", input.toString(), "--output",
                output.toString(), "--window", "3", "--slide", "2");

        // a: 5 occurrences, windows fire at 2 and 4 holding 2 and 3; b: 4 occurrences; c: 2
        assertThat(ExampleRun.linesOfDirectory(output))
                .containsExactlyInAnyOrder("(a,2)", "(a,3)", "(b,2)", "(b,3)", "(c,2)");
        try (var files = Files.list(output)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("1", "2");
        }
    }
}

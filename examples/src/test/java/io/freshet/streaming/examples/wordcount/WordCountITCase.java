package io.freshet.streaming.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/** The WordCount example (DataStream API) on an embedded MiniCluster, checked against a plain-Java count of the text. */
class WordCountITCase {

    @TempDir
    Path temp;

    @Test
    void countsEveryWordOfTheInputAtParallelismTwo() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("To be, or not to be: word").append(i % 37).append(" and Word").append(i % 5).append('\n');
        }
        Path input = Files.writeString(temp.resolve("input.txt"), text);
        Path output = temp.resolve("counts");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        WordCount.build(env, input.toString(), output.toString());
        env.execute("WordCount");

        Map<String, Integer> expected = new HashMap<>();
        for (String word : text.toString().toLowerCase().split("\\W+")) {
            if (!word.isEmpty()) {
                expected.merge(word, 1, Integer::sum);
            }
        }
        assertThat(WordCount.readCounts(output)).isEqualTo(expected);
        try (var files = Files.list(output)) {
            assertThat(files.count()).as("one file per counter subtask").isEqualTo(2);
        }
    }

    @Test
    void aMissingInputFileIsNamed() {
        Path missing = temp.resolve("no-such-file.txt");

        assertThatThrownBy(() -> WordCount.main(new String[] {"--input", missing.toString()}))
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }
}

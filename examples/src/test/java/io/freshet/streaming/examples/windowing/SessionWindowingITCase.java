package io.freshet.streaming.examples.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.examples.util.ExampleRun;
import io.freshet.testutils.DistributionScripts;

/** The SessionWindowing example run through {@code bin/flink run -t local}. */
class SessionWindowingITCase {

    /** Per user, the sessions the built-in events form with a gap of 3 ms: (user,first timestamp,clicks). */
    private static final String[] SESSIONS = {"(alice,1,3)", "(alice,9,2)", "(bob,2,1)", "(bob,8,3)", "(bob,15,1)",
        "(carol,4,2)", "(carol,16,4)"};

    @TempDir
    Path temp;

    @Test
    void eachSessionIsPrintedOnceWithItsClicks() throws Exception {
        DistributionScripts.Result result = new ExampleRun(temp).run(SessionWindowing.class, 1);

        assertThat(ExampleRun.recordLines(result.stdout)).containsExactlyInAnyOrder(SESSIONS);
    }

    @Test
    void atParallelismTwoTheSessionsAreWrittenToOneFilePerSubtask() throws Exception {
        Path output = temp.resolve("sessions");

        new ExampleRun(temp).run(SessionWindowing.class, 2, "--output", output.toString());

        assertThat(ExampleRun.linesOfDirectory(output)).containsExactlyInAnyOrder(SESSIONS);
        assertThat(Files.list(output).count()).isEqualTo(2);
    }
}

package io.freshet.streaming.examples.processfunction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.examples.util.ExampleRun;
import io.freshet.testutils.DistributionScripts;

/** The CountWithTimeout example (a KeyedProcessFunction with event-time timers) run through {@code bin/flink run}. */
class CountWithTimeoutITCase {

    @TempDir
    Path temp;

    @Test
    void eachKeyIsReportedAMinuteAfterItsLastEventInEventTimeOrder() throws Exception {
        DistributionScripts.Result result = new ExampleRun(temp).run(CountWithTimeout.class, 1);

        // bob is quiet from 5 s to 65 s (dave's event at 66 s shows it), alice from 20 s to 80 s, ...; the rest
        // time out when erin's event at 200 s moves the watermark, erin at the end of the input
        assertThat(ExampleRun.recordLines(result.stdout)).containsExactly("(bob,1)", "(alice,2)", "(dave,1)",
                "(bob,2)", "(carol,2)", "(alice,3)", "(erin,1)");
    }

    @Test
    void aFileOfEventsAtParallelismTwo() throws Exception {
        Path input = Files.writeString(temp.resolve("events.csv"), String.join("\n",
                "x,1000", "y,2000", "x,50000", "x,100000", "y,100000", "z,170000", "x,171000", "y,400000", ""));
        Path output = temp.resolve("reports");

        new ExampleRun(temp).run(CountWithTimeout.class, 2, "--input", input.toString(), "--output",
                output.toString());

        // y is quiet from 2 s to 62 s (seen at 100 s); x is quiet after 100 s and y after 100 s (seen by z at
        // 170 s); z and x (again at 171 s) time out by y's event at 400 s, which y itself outlives to the end
        assertThat(ExampleRun.linesOfDirectory(output)).containsExactlyInAnyOrder("(y,1)", "(x,3)", "(y,2)",
                "(z,1)", "(x,4)", "(y,3)");
    }

    @Test
    void aMalformedLineFailsTheJobQuotingIt() throws Exception {
        Path input = Files.writeString(temp.resolve("bad.csv"), "x,1000\nnot an event\n");

        DistributionScripts.Result result = new ExampleRun(temp).runExpectingFailure(CountWithTimeout.class,
                "--input", input.toString());

        assertThat(result.stdout + result.stderr).contains("The input line 'not an event' is not of the form"
                + " key,timestamp.");
    }
}

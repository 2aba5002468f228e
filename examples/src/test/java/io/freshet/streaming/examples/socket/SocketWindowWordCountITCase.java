package io.freshet.streaming.examples.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.examples.util.ExampleRun;
import io.freshet.testutils.DistributionScripts;

/** The SocketWindowWordCount example run through {@code bin/flink run -t local} against a real text server. */
class SocketWindowWordCountITCase {

    private static final Pattern COUNT_LINE = Pattern.compile("^(\\S+) : (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path temp;

    @Test
    void theWordsAServerSendsArePrintedWithTheirCountsPerFiveSecondWindow() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) TimeUnit.MINUTES.toMillis(2));
            DistributionScripts.Started run = new ExampleRun(temp).start(SocketWindowWordCount.class, 2,
                    "--hostname", "localhost", "--port", String.valueOf(server.getLocalPort()));
            Map<String, Long> expected = Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L, "that", 1L, "is", 1L,
                    "the", 1L, "question", 1L);

            try (Socket connection = server.accept(); OutputStream out = connection.getOutputStream()) {
                // sent just after a window starts, all words usually fall into one window; the check below
                // sums the counts, so a window boundary between them would not matter
                Thread.sleep(5_000 - System.currentTimeMillis() % 5_000 + 100);
                out.write("to be or not to be\nthat is  the question\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!summedCounts(run.stdoutSoFar()).equals(expected)) {
                    assertThat(System.nanoTime()).as("the window counts are printed; so far:\n%s",
                            run.stdoutSoFar()).isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            // the server closed the connection: the stream ends, and so does the job

            DistributionScripts.Result result = run.await();
            assertThat(result.exitCode).as(result.describe()).isZero();
            assertThat(summedCounts(result.stdout)).isEqualTo(expected);
            assertThat(result.stdout).containsPattern("(?m)^to : 2$").containsPattern("(?m)^question : 1$");
        }
    }

    @Test
    void withoutAPortItExplainsHowToRunIt() throws Exception {
        DistributionScripts.Result result = new ExampleRun(temp).runWithoutJob(SocketWindowWordCount.class);

        assertThat(result.stderr).contains("No port given")
                .contains("Run 'SocketWindowWordCount --hostname <hostname> --port <port>'")
                .contains("nc -lk <port>");
    }

    /** The counts of the {@code word : count} lines, summed per word. */
    private static Map<String, Long> summedCounts(String stdout) {
        Map<String, Long> counts = new HashMap<>();
        Matcher line = COUNT_LINE.matcher(stdout);
        while (line.find()) {
            counts.merge(line.group(1), Long.parseLong(line.group(2)), Long::sum);
        }
        return counts;
    }

}

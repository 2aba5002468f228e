package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/** {@code socketTextStream} against a real server socket: pieces, delimiters, the end of the stream and retries. */
class SocketTextStreamITCase {

    private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopServer() throws InterruptedException {
        serverThread.shutdownNow();
        assertThat(serverThread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void linesArriveUntilTheServerClosesTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> served = serve(server, "one\ntwo\r\n\nthree\nunfinished");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

            List<String> lines = env.socketTextStream("localhost", server.getLocalPort()).executeAndCollect(100);

            served.get(30, TimeUnit.SECONDS);
            assertThat(lines).containsExactly("one", "two", "", "three", "unfinished");
        }
    }

    @Test
    void aDelimiterOfSeveralCharactersSplitsTheText() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            serve(server, "a<>b\r<><>c");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

            List<String> pieces = env.socketTextStream("localhost", server.getLocalPort(), "<>").executeAndCollect(100);

            assertThat(pieces).containsExactly("a", "b\r", "", "c");
        }
    }

    @Test
    void withRetriesTheSourceConnectsAgainAfterTheServerClosedAndEndsWhenItIsGone() throws Exception {
        ServerSocket server = new ServerSocket(0);
        int port = server.getLocalPort();
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try (server) {
                send(server, "first\n");
                send(server, "second\n");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, serverThread);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> lines = env.socketTextStream("localhost", port, "\n", 3).executeAndCollect(100);

        served.get(30, TimeUnit.SECONDS);
        assertThat(lines).as("two connections, then refused retries until the three are used up")
                .containsExactly("first", "second");
    }

    @Test
    void withoutRetriesTheStreamEndsWithTheFirstConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            serve(server, "only\n");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

            List<String> lines = env.socketTextStream("localhost", server.getLocalPort(), "\n", 0)
                    .executeAndCollect(100);

            assertThat(lines).containsExactly("only");
        }
    }

    @Test
    void aServerThatIsNotThereFailsTheJobNamingItsAddress() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.socketTextStream("localhost", port).print();

        assertThatThrownBy(() -> env.execute("no server"))
                .hasStackTraceContaining("socketTextStream cannot connect to localhost:" + port);
    }

    private CompletableFuture<Void> serve(ServerSocket server, String text) {
        return CompletableFuture.runAsync(() -> {
            try {
                send(server, text);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, serverThread);
    }

    /** Accepts one connection, sends {@code text} and closes the connection. */
    private static void send(ServerSocket server, String text) throws IOException {
        try (Socket connection = server.accept(); OutputStream out = connection.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}

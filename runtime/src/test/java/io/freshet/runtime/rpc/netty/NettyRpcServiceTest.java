package io.freshet.runtime.rpc.netty;

import static io.freshet.runtime.rpc.RpcTestUtils.assertNoRpcThreadsLeft;
import static io.freshet.runtime.rpc.RpcTestUtils.await;
import static io.freshet.runtime.rpc.RpcTestUtils.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import io.freshet.runtime.rpc.FencingTokenException;
import io.freshet.runtime.rpc.RpcConnectionException;
import io.freshet.runtime.rpc.RpcException;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.RpcTimeoutException;
import io.freshet.runtime.rpc.TestEndpoint;
import io.freshet.runtime.rpc.TestFailure;
import io.freshet.runtime.rpc.TestFencedEndpoint;
import io.freshet.runtime.rpc.TestFencedGateway;
import io.freshet.runtime.rpc.TestGateway;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls between two Netty RPC services in one JVM, each on its own loopback port, so that every call here goes
 * through a real socket, Kryo and the framing.
 */
class NettyRpcServiceTest {

    private static final String HOST = "127.0.0.1";

    private final RpcSystem system = RpcSystem.netty();
    private final List<RpcService> services = new ArrayList<>();
    private RpcService server;
    private RpcService client;

    @BeforeEach
    void startServices() throws Exception {
        server = start("server", 0, configuration());
        client = start("client", 0, configuration());
    }

    @AfterEach
    void stopServices() throws Exception {
        for (RpcService service : services) {
            service.close();
        }
        assertNoRpcThreadsLeft();
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(5));
        configuration.set(RpcOptions.LOOKUP_TIMEOUT, Duration.ofSeconds(5));
        configuration.set(RpcOptions.FRAMESIZE, "64 kb");
        return configuration;
    }

    private RpcService start(String name, int port, Configuration configuration) throws Exception {
        RpcService service = system.createService(name, HOST, port, configuration);
        services.add(service);
        return service;
    }

    private TestGateway connectedGateway(String endpointId) throws Exception {
        new TestEndpoint(server, endpointId).start();
        return await(client.connect(server.getAddress() + "/" + endpointId, TestGateway.class));
    }

    @Test
    void askAndTellOverTheSocket() throws Exception {
        TestGateway gateway = connectedGateway("echo");

        gateway.record("client", 1);
        gateway.record("client", 2);

        assertThat(server.getAddress()).isEqualTo("freshet.tcp://127.0.0.1:" + server.getPort());
        assertThat(gateway.getAddress()).isEqualTo(server.getAddress() + "/echo");
        assertThat(gateway.getHostname()).isEqualTo(HOST);
        assertThat(await(gateway.echo("hello"))).isEqualTo("hello");
        assertThat(await(gateway.add(40, 2))).isEqualTo(42);
        assertThat(await(gateway.recorded())).containsExactly("client:1", "client:2");
        assertThat(await(gateway.mainThreadName())).isEqualTo("freshet-rpc-main-echo");
    }

    @Test
    void manyCallersOverOneConnectionKeepTheirOrder() throws Exception {
        TestGateway gateway = connectedGateway("ordered");
        int callers = 4;
        int callsPerCaller = 200;

        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String caller = "c" + c;
            done.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < callsPerCaller; i++) {
                    gateway.record(caller, i);
                }
            }, runnable -> new Thread(runnable, "caller-" + caller).start()));
        }
        await(CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])));
        List<String> recorded = await(gateway.recorded());

        assertThat(recorded).hasSize(callers * callsPerCaller);
        assertThat(await(gateway.sawOverlap())).isFalse();
        for (int c = 0; c < callers; c++) {
            String prefix = "c" + c + ":";
            List<Integer> sequence = recorded.stream()
                    .filter(entry -> entry.startsWith(prefix))
                    .map(entry -> Integer.parseInt(entry.substring(prefix.length())))
                    .toList();
            assertThat(sequence).isSorted().hasSize(callsPerCaller);
        }
    }

    @Test
    void immutableValuesRoundTrip() throws Exception {
        TestGateway gateway = connectedGateway("values");
        Map<String, List<Integer>> value = Map.of("a", List.of(1, 2, 3), "b", List.of(), "c", List.of(7));

        assertThat(await(gateway.roundTrip(value))).isEqualTo(value);
    }

    @Test
    void remoteExceptionKeepsClassMessageFieldsAndStackTrace() throws Exception {
        TestGateway gateway = connectedGateway("failing");

        Throwable failure = failureOf(gateway.fail("remote trouble"));

        assertThat(failure).isInstanceOf(TestFailure.class).hasMessage("remote trouble");
        assertThat(((TestFailure) failure).getCode()).isEqualTo(42);
        assertThat(failure.getStackTrace()).anySatisfy(
                frame -> assertThat(frame.getClassName()).isEqualTo(TestEndpoint.class.getName()));
    }

    @Test
    void askTimeoutNamesTheMethodAndTheEndpoint() throws Exception {
        TestGateway gateway = connectedGateway("slow");

        Throwable failure = failureOf(gateway.neverAnswer(Duration.ofMillis(100)));

        assertThat(failure).isInstanceOf(RpcTimeoutException.class)
                .hasMessageContaining("TestGateway.neverAnswer(Duration)")
                .hasMessageContaining(server.getAddress() + "/slow")
                .hasMessageContaining("100 ms");
        assertThat(await(gateway.echo("still usable"))).isEqualTo("still usable");
    }

    @Test
    void fencingWorksAcrossTheWire() throws Exception {
        TestFencedEndpoint endpoint = new TestFencedEndpoint(server, "leader");
        endpoint.start();
        UUID token = UUID.randomUUID();
        await(endpoint.getSelfGateway(TestFencedGateway.class).becomeLeader(token));
        TestFencedGateway right = await(client.connect(endpoint.getAddress(), token, TestFencedGateway.class));
        TestFencedGateway wrong =
                await(client.connect(endpoint.getAddress(), UUID.randomUUID(), TestFencedGateway.class));

        assertThat(await(right.whoAmI())).isEqualTo("leader@" + token);
        assertThat(failureOf(wrong.whoAmI())).isInstanceOf(FencingTokenException.class)
                .hasMessageContaining(token.toString())
                .hasMessageContaining(endpoint.getAddress());
    }

    @Test
    void unknownEndpointFailsWithConnectionExceptionNamingTheAddress() throws Exception {
        String address = server.getAddress() + "/nobody";

        Throwable failure = failureOf(client.connect(address, TestGateway.class));

        assertThat(failure).isInstanceOf(RpcConnectionException.class).hasMessageContaining(address);
    }

    @Test
    void callToAnEndpointStoppedAfterConnectingFailsWithConnectionException() throws Exception {
        TestEndpoint endpoint = new TestEndpoint(server, "short-lived");
        endpoint.start();
        TestGateway gateway = await(client.connect(endpoint.getAddress(), TestGateway.class));
        endpoint.close();

        assertThat(failureOf(gateway.echo("anyone?"))).isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining(endpoint.getAddress());
    }

    @Test
    void unreachableAddressFailsInsteadOfHanging() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String address = "freshet.tcp://" + HOST + ":" + freePort + "/nobody";

        Throwable failure = failureOf(client.connect(address, TestGateway.class));

        assertThat(failure).isInstanceOf(RpcConnectionException.class).hasMessageContaining(HOST + ":" + freePort);
    }

    @Test
    void lostConnectionFailsOutstandingAsksPromptlyAndTheNextCallReconnects() throws Exception {
        RpcService remote = start("remote", 0, configuration());
        int port = remote.getPort();
        new TestEndpoint(remote, "worker").start();
        TestGateway gateway = await(client.connect(remote.getAddress() + "/worker", TestGateway.class));
        CompletableFuture<String> pending = gateway.neverAnswer(Duration.ofMinutes(10));
        assertThat(await(gateway.echo("before"))).isEqualTo("before");

        long closedAt = System.nanoTime();
        remote.close();
        Throwable failure = failureOf(pending);
        long failedAfterMillis = (System.nanoTime() - closedAt) / 1_000_000;

        assertThat(failure).isInstanceOf(RpcConnectionException.class).hasMessageContaining("neverAnswer");
        assertThat(failedAfterMillis).isLessThan(5_000);

        RpcService restarted = start("remote-again", port, configuration());
        new TestEndpoint(restarted, "worker").start();

        assertThat(await(gateway.echo("after restart"))).isEqualTo("after restart");
    }

    @Test
    void tooLargeFramesFailTheirCallAndLeaveTheConnectionUsable() throws Exception {
        TestGateway gateway = connectedGateway("bulk");

        Throwable largeRequest = failureOf(gateway.length(new byte[200 * 1024]));
        Throwable largeAnswer = failureOf(gateway.bytes(200 * 1024));

        assertThat(largeRequest).isInstanceOf(RpcException.class)
                .hasMessageContaining("TestGateway.length(byte[])")
                .hasMessageContaining("pekko.framesize");
        assertThat(largeAnswer).isInstanceOf(RpcException.class)
                .hasMessageContaining("bytes")
                .hasMessageContaining("pekko.framesize");
        assertThat(await(gateway.length(new byte[1024]))).isEqualTo(1024);
        assertThat(await(gateway.bytes(1024))).hasSize(1024);
    }

    @Test
    void callsToTheOwnAddressAreServedInProcess() throws Exception {
        new TestEndpoint(server, "own").start();

        TestGateway gateway = await(server.connect(server.getAddress() + "/own", TestGateway.class));

        assertThat(await(gateway.add(1, 2))).isEqualTo(3);
    }
}

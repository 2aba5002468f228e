package io.freshet.runtime.rpc;

import static io.freshet.runtime.rpc.RpcTestUtils.assertNoRpcThreadsLeft;
import static io.freshet.runtime.rpc.RpcTestUtils.await;
import static io.freshet.runtime.rpc.RpcTestUtils.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoints, their main thread and fencing, on the local transport. */
class RpcEndpointTest {

    private RpcSystem system;
    private RpcService service;
    private RpcService otherService;

    @BeforeEach
    void startServices() throws Exception {
        system = RpcSystem.local();
        Configuration configuration = new Configuration();
        configuration.set(RpcOptions.ASK_TIMEOUT, Duration.ofMillis(300));
        service = system.createService("jm", "localhost", 0, configuration);
        otherService = system.createService("tm", "localhost", 0, configuration);
    }

    @AfterEach
    void stopServices() throws Exception {
        service.close();
        otherService.close();
        assertNoRpcThreadsLeft();
    }

    private TestEndpoint startedEndpoint(String id) {
        TestEndpoint endpoint = new TestEndpoint(service, id);
        endpoint.start();
        return endpoint;
    }

    @Test
    void lifecycleHooksRunInTheMainThread() throws Exception {
        TestEndpoint endpoint = startedEndpoint("hooks");

        assertThat(await(endpoint.startedIn)).isEqualTo("freshet-rpc-main-hooks");
        assertThat(endpoint.getAddress()).isEqualTo("local://jm/hooks");

        endpoint.close();

        assertThat(await(endpoint.stoppedIn)).isEqualTo("freshet-rpc-main-hooks");
        assertThat(endpoint.getTerminationFuture()).isCompleted();
    }

    @Test
    void askAndTellThroughAGatewayFromAnotherService() throws Exception {
        TestEndpoint endpoint = startedEndpoint("echo");
        TestGateway gateway = await(otherService.connect(endpoint.getAddress(), TestGateway.class));

        gateway.record("a", 1);

        assertThat(await(gateway.echo("hello"))).isEqualTo("hello");
        assertThat(await(gateway.add(2, 3))).isEqualTo(5);
        assertThat(await(gateway.recorded())).containsExactly("a:1");
        assertThat(await(gateway.mainThreadName())).isEqualTo("freshet-rpc-main-echo");
        assertThat(gateway.getAddress()).isEqualTo("local://jm/echo");
        assertThat(gateway.getHostname()).isEqualTo("localhost");
    }

    @Test
    void concurrentCallersNeverOverlapAndKeepTheirOrder() throws Exception {
        TestEndpoint endpoint = startedEndpoint("ordered");
        TestGateway gateway = await(otherService.connect(endpoint.getAddress(), TestGateway.class));
        int callers = 8;
        int callsPerCaller = 300;

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
            List<String> ofCaller = recorded.stream().filter(entry -> entry.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < callsPerCaller; i++) {
                expected.add(prefix + i);
            }
            assertThat(ofCaller).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void runAsyncCallAsyncAndScheduleRunAsyncRunInTheMainThread() throws Exception {
        TestEndpoint endpoint = startedEndpoint("async");
        CompletableFuture<String> ranAsync = new CompletableFuture<>();
        CompletableFuture<String> ranLater = new CompletableFuture<>();

        endpoint.run(() -> ranAsync.complete(Thread.currentThread().getName()));
        endpoint.runLater(() -> ranLater.complete(Thread.currentThread().getName()), Duration.ofMillis(20));
        CompletableFuture<String> called = endpoint.call(() -> {
            endpoint.validateRunsInMainThread();
            return Thread.currentThread().getName();
        });
        CompletableFuture<String> failed = endpoint.call(() -> {
            throw new IllegalStateException("boom");
        });

        assertThat(await(ranAsync)).isEqualTo("freshet-rpc-main-async");
        assertThat(await(ranLater)).isEqualTo("freshet-rpc-main-async");
        assertThat(await(called)).isEqualTo("freshet-rpc-main-async");
        assertThat(failureOf(failed)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void mainThreadExecutorChecksItsThread() throws Exception {
        TestEndpoint endpoint = startedEndpoint("checked");

        assertThatThrownBy(endpoint::validateRunsInMainThread)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("freshet-rpc-main-checked")
                .hasMessageContaining(Thread.currentThread().getName());

        CompletableFuture<Void> onMainThread = CompletableFuture.runAsync(
                () -> endpoint.getMainThreadExecutor().assertRunningInMainThread(), endpoint.getMainThreadExecutor());
        await(onMainThread);
    }

    @Test
    void callAsyncThatDoesNotFinishTimesOut() throws Exception {
        TestEndpoint endpoint = startedEndpoint("blocked");
        CompletableFuture<Void> release = new CompletableFuture<>();
        endpoint.run(release::join);

        CompletableFuture<String> call = endpoint.callAsyncForTest(() -> "late", Duration.ofMillis(50));

        assertThat(failureOf(call)).isInstanceOf(TimeoutException.class).hasMessageContaining("local://jm/blocked");
        release.complete(null);
    }

    @Test
    void askTimesOutWithItsOwnOrTheDefaultTimeout() throws Exception {
        TestEndpoint endpoint = startedEndpoint("slow");
        TestGateway gateway = await(otherService.connect(endpoint.getAddress(), TestGateway.class));

        Throwable own = failureOf(gateway.neverAnswer(Duration.ofMillis(50)));
        Throwable byDefault = failureOf(gateway.neverAnswer());

        assertThat(own).isInstanceOf(RpcTimeoutException.class)
                .hasMessageContaining("TestGateway.neverAnswer(Duration)")
                .hasMessageContaining("local://jm/slow")
                .hasMessageContaining("50 ms");
        assertThat(byDefault).isInstanceOf(RpcTimeoutException.class)
                .hasMessageContaining("TestGateway.neverAnswer()")
                .hasMessageContaining("300 ms")
                .hasMessageContaining("pekko.ask.timeout");
    }

    @Test
    void exceptionOfTheMethodReachesTheCaller() throws Exception {
        TestEndpoint endpoint = startedEndpoint("failing");
        TestGateway gateway = await(otherService.connect(endpoint.getAddress(), TestGateway.class));

        Throwable failure = failureOf(gateway.fail("no luck"));

        assertThat(failure).isInstanceOf(TestFailure.class).hasMessage("no luck");
    }

    @Test
    void unknownEndpointOrServiceFailsToConnect() throws Exception {
        Throwable noEndpoint = failureOf(otherService.connect("local://jm/nobody", TestGateway.class));
        Throwable noService = failureOf(otherService.connect("local://nowhere/nobody", TestGateway.class));

        assertThat(noEndpoint).isInstanceOf(RpcConnectionException.class).hasMessageContaining("local://jm/nobody");
        assertThat(noService).isInstanceOf(RpcConnectionException.class).hasMessageContaining("nowhere");
    }

    @Test
    void callsToAStoppedEndpointFailWithConnectionException() throws Exception {
        TestEndpoint endpoint = startedEndpoint("gone");
        TestGateway gateway = await(otherService.connect(endpoint.getAddress(), TestGateway.class));
        endpoint.close();

        assertThat(failureOf(gateway.echo("hi"))).isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("local://jm/gone");
    }

    @Test
    void closingTheServiceStopsItsEndpoints() throws Exception {
        TestEndpoint endpoint = startedEndpoint("stopped-with-service");

        service.close();

        assertThat(endpoint.getTerminationFuture()).isCompleted();
        assertThat(await(endpoint.stoppedIn)).isEqualTo("freshet-rpc-main-stopped-with-service");
    }

    // ---- fencing ----

    @Test
    void fencedCallsNeedTheCurrentToken() throws Exception {
        TestFencedEndpoint endpoint = new TestFencedEndpoint(service, "leader");
        endpoint.start();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TestFencedGateway self = endpoint.getSelfGateway(TestFencedGateway.class);
        TestFencedGateway withFirst = await(otherService.connect(endpoint.getAddress(), first,
                TestFencedGateway.class));
        TestFencedGateway withSecond = await(otherService.connect(endpoint.getAddress(), second,
                TestFencedGateway.class));

        Throwable notLeader = failureOf(withFirst.whoAmI());
        await(self.becomeLeader(first));
        String served = await(withFirst.whoAmI());
        Throwable wrongToken = failureOf(withSecond.whoAmI());
        await(self.becomeLeader(second));
        Throwable oldToken = failureOf(withFirst.whoAmI());

        assertThat(notLeader).isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("local://jm/leader").hasMessageContaining(first.toString());
        assertThat(served).isEqualTo("leader@" + first);
        assertThat(wrongToken).isInstanceOf(FencingTokenException.class)
                .hasMessageContaining(first.toString()).hasMessageContaining(second.toString());
        assertThat(oldToken).isInstanceOf(FencingTokenException.class);
        assertThat(await(withSecond.whoAmI())).isEqualTo("leader@" + second);
        assertThat(withFirst.getFencingToken()).isEqualTo(first);
        assertThat(self.getFencingToken()).isEqualTo(second);
    }

    @Test
    void unfencedGatewayToFencedEndpointIsRejectedButSelfCallsPass() throws Exception {
        TestFencedEndpoint endpoint = new TestFencedEndpoint(service, "fenced");
        endpoint.start();
        TestFencedGateway unfenced = await(otherService.connect(endpoint.getAddress(), TestFencedGateway.class));

        assertThat(failureOf(unfenced.whoAmI())).isInstanceOf(FencingTokenException.class)
                .hasMessageContaining("without a fencing token");
        assertThat(await(endpoint.getSelfGateway(TestFencedGateway.class).whoAmI())).isEqualTo("fenced@null");
    }

    @Test
    void fencedTasksOfAnOldTermAreDroppedUnfencedOnesRun() throws Exception {
        TestFencedEndpoint endpoint = new TestFencedEndpoint(service, "terms");
        endpoint.start();
        await(endpoint.getSelfGateway(TestFencedGateway.class).becomeLeader(UUID.randomUUID()));
        CompletableFuture<Void> release = new CompletableFuture<>();
        List<String> ran = new ArrayList<>();

        // The first task holds the main thread, then changes the term before the queued tasks get their turn.
        endpoint.runUnfenced(() -> {
            release.join();
            endpoint.changeToken(UUID.randomUUID());
        });
        endpoint.runFenced(() -> ran.add("fenced"));
        endpoint.runUnfenced(() -> ran.add("unfenced"));
        release.complete(null);

        assertThat(await(endpoint.callUnfenced(() -> List.copyOf(ran)))).containsExactly("unfenced");
    }
}

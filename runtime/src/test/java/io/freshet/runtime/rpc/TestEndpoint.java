package io.freshet.runtime.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An endpoint for tests; all state is touched on the main thread only, without locks. */
public class TestEndpoint extends RpcEndpoint implements TestGateway {

    private final List<String> recorded = new ArrayList<>();
    private int inside;
    private boolean overlap;
    final CompletableFuture<String> startedIn = new CompletableFuture<>();
    final CompletableFuture<String> stoppedIn = new CompletableFuture<>();

    public TestEndpoint(RpcService rpcService, String endpointId) {
        super(rpcService, endpointId);
    }

    @Override
    protected void onStart() {
        startedIn.complete(Thread.currentThread().getName());
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        stoppedIn.complete(Thread.currentThread().getName());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> echo(String text) {
        return CompletableFuture.completedFuture(text);
    }

    @Override
    public CompletableFuture<Integer> add(int a, int b) {
        return CompletableFuture.completedFuture(a + b);
    }

    @Override
    public CompletableFuture<String> fail(String message) {
        throw new TestFailure(message, 42);
    }

    @Override
    public CompletableFuture<String> neverAnswer(Duration timeout) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<String> neverAnswer() {
        return new CompletableFuture<>();
    }

    @Override
    public void record(String caller, int sequence) {
        validateRunsInMainThread();
        inside++;
        if (inside != 1) {
            overlap = true;
        }
        recorded.add(caller + ":" + sequence);
        Thread.yield();
        inside--;
    }

    @Override
    public CompletableFuture<List<String>> recorded() {
        return CompletableFuture.completedFuture(List.copyOf(recorded));
    }

    @Override
    public CompletableFuture<Boolean> sawOverlap() {
        return CompletableFuture.completedFuture(overlap);
    }

    @Override
    public CompletableFuture<byte[]> bytes(int size) {
        return CompletableFuture.completedFuture(new byte[size]);
    }

    @Override
    public CompletableFuture<Integer> length(byte[] data) {
        return CompletableFuture.completedFuture(data.length);
    }

    @Override
    public CompletableFuture<Map<String, List<Integer>>> roundTrip(Map<String, List<Integer>> value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public CompletableFuture<String> mainThreadName() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    /** Exposes the protected helpers to tests. */
    <V> CompletableFuture<V> call(java.util.concurrent.Callable<V> callable) {
        return callAsync(callable, Duration.ofSeconds(10));
    }

    <V> CompletableFuture<V> callAsyncForTest(java.util.concurrent.Callable<V> callable, Duration timeout) {
        return callAsync(callable, timeout);
    }

    void run(Runnable runnable) {
        runAsync(runnable);
    }

    void runLater(Runnable runnable, Duration delay) {
        scheduleRunAsync(runnable, delay);
    }
}

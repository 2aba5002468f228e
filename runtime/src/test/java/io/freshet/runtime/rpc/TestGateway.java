package io.freshet.runtime.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The gateway of {@link TestEndpoint}. */
public interface TestGateway extends RpcGateway {

    CompletableFuture<String> echo(String text);

    CompletableFuture<Integer> add(int a, int b);

    /** Fails with {@link TestFailure} carrying {@code message}. */
    CompletableFuture<String> fail(String message);

    /** Never answers; the call ends with its timeout. */
    CompletableFuture<String> neverAnswer(@RpcTimeout Duration timeout);

    /** Never answers; the call ends with the default timeout. */
    CompletableFuture<String> neverAnswer();

    /** Tell: remembers that {@code caller} sent its {@code sequence}-th message. */
    void record(String caller, int sequence);

    /** All recorded messages as "caller:sequence", and whether two calls ever overlapped. */
    CompletableFuture<List<String>> recorded();

    CompletableFuture<Boolean> sawOverlap();

    CompletableFuture<byte[]> bytes(int size);

    CompletableFuture<Integer> length(byte[] data);

    CompletableFuture<Map<String, List<Integer>>> roundTrip(Map<String, List<Integer>> value);

    CompletableFuture<String> mainThreadName();
}

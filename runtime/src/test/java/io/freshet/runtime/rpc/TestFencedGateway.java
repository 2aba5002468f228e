package io.freshet.runtime.rpc;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The gateway of {@link TestFencedEndpoint}. */
public interface TestFencedGateway extends FencedRpcGateway<UUID> {

    CompletableFuture<String> whoAmI();

    /** Makes the endpoint leader under {@code token} (null: not leader); called through the self gateway. */
    CompletableFuture<Void> becomeLeader(UUID token);
}

package io.freshet.runtime.rpc;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.rpc.local.LocalRpcSystem;
import io.freshet.runtime.rpc.netty.NettyRpcSystem;

/**
 * Creates {@link RpcService}s of one transport.
 *
 * <ul>
 *   <li>{@link #local()}: services inside one JVM, addressed {@code local://<service name>/<endpoint id>}; calls
 *       are handed to the target's main thread without serialization. Services reach each other only if created
 *       by the same {@code LocalRpcSystem}.</li>
 *   <li>{@link #netty()}: services that listen on a TCP port, addressed
 *       {@code freshet.tcp://<host>:<port>/<endpoint id>}; calls between services travel as Kryo-serialized,
 *       length-prefixed frames.</li>
 * </ul>
 */
public interface RpcSystem {

    /** A new, empty local system. */
    static RpcSystem local() {
        return new LocalRpcSystem();
    }

    /** The Netty (TCP) system. */
    static RpcSystem netty() {
        return new NettyRpcSystem();
    }

    /**
     * Starts a service.
     *
     * @param serviceName name used in thread names and, for local services, in addresses (unique per local system)
     * @param bindHost host the service listens on and advertises; ignored by local services
     * @param port port to listen on, 0 for any free port; ignored by local services
     * @throws Exception if the service cannot start, e.g. the port is taken
     */
    RpcService createService(String serviceName, String bindHost, int port, Configuration configuration)
            throws Exception;
}

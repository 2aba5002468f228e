package io.freshet.runtime.rpc.netty;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;

/** The TCP {@link RpcSystem}: every service is a {@link NettyRpcService} with its own server socket. */
public final class NettyRpcSystem implements RpcSystem {

    @Override
    public RpcService createService(String serviceName, String bindHost, int port, Configuration configuration)
            throws Exception {
        return NettyRpcService.start(serviceName, bindHost, port, configuration);
    }
}

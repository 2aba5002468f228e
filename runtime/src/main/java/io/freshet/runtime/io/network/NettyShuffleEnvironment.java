package io.freshet.runtime.io.network;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.NettyShuffleEnvironmentOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.io.network.buffer.BufferPool;
import io.freshet.runtime.io.network.buffer.NetworkBufferPool;
import io.freshet.runtime.io.network.buffer.NetworkBufferSizing;
import io.freshet.runtime.io.network.netty.NettyShuffleClient;
import io.freshet.runtime.io.network.netty.NettyShuffleServer;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartition;
import io.freshet.runtime.io.network.partition.ResultPartitionDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartitionManager;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.LocalInputChannel;
import io.freshet.runtime.io.network.partition.consumer.RemoteInputChannel;
import io.freshet.runtime.io.network.partition.consumer.SingleInputGate;

/**
 * The shuffle services of one TaskExecutor: its {@link NetworkBufferPool}, {@link ResultPartitionManager}, shuffle
 * server (data port) and client (connections to other TaskExecutors' data ports), and the factories of the result
 * partitions and input gates of the tasks it runs.
 *
 * <p>Buffers: a result partition with {@code n} subpartitions gets a pool of at least {@code n + 1} buffers (one
 * partly filled buffer per channel and one in hand), at most {@code n * buffers-per-channel + floating-buffers-per-
 * gate} when bounded; an input gate with remote channels takes {@code buffers-per-channel} exclusive buffers per
 * remote channel from the global pool and a pool of up to {@code floating-buffers-per-gate} floating ones. Local
 * channels take no buffers of their own.
 *
 * <p>{@link #close()} closes the client and server (all connections), releases every partition (deleting the files
 * of blocking ones) and destroys the global pool; it leaves no thread behind.
 */
public final class NettyShuffleEnvironment implements AutoCloseable {

    private final ResourceID resourceId;
    private final String host;
    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager = new ResultPartitionManager();
    private final NettyShuffleServer server;
    private final NettyShuffleClient client;
    private final File tempDirectory;
    private final int buffersPerChannel;
    private final int floatingBuffersPerGate;
    private final int initialBackoffMillis;
    private final int maxBackoffMillis;

    /**
     * @param resourceId the TaskExecutor's ID: input channels whose producer has this ID read locally
     * @param host the address the data port binds to and that producers announce to consumers
     * @param numberOfNetworkBuffers the buffers of the global pool (see {@link NetworkBufferSizing})
     * @param numberOfSlots the TaskExecutor's slots: the default number of Netty threads
     * @throws IOException when the data port cannot be bound
     */
    public NettyShuffleEnvironment(Configuration config, ResourceID resourceId, String host, int numberOfNetworkBuffers,
            int numberOfSlots) throws IOException {
        this.resourceId = resourceId;
        this.host = host;
        this.buffersPerChannel = atLeast(config, NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL, 1);
        this.floatingBuffersPerGate = atLeast(config, NettyShuffleEnvironmentOptions.NETWORK_EXTRA_BUFFERS_PER_GATE,
                1);
        this.initialBackoffMillis = atLeast(config, NettyShuffleEnvironmentOptions.NETWORK_REQUEST_BACKOFF_INITIAL, 0);
        this.maxBackoffMillis = atLeast(config, NettyShuffleEnvironmentOptions.NETWORK_REQUEST_BACKOFF_MAX, 0);
        String tmpDirs = config.getOptional(NettyShuffleEnvironmentOptions.TMP_DIRS)
                .orElse(System.getProperty("java.io.tmpdir"));
        this.tempDirectory = new File(tmpDirs.split("[,|" + File.pathSeparator + "]")[0].trim());
        this.networkBufferPool = new NetworkBufferPool(numberOfNetworkBuffers, NetworkBufferSizing.segmentSize(config));
        String name = resourceId.getResourceIdString();
        NettyShuffleServer startedServer = null;
        try {
            startedServer = new NettyShuffleServer(partitionManager, host,
                    config.get(NettyShuffleEnvironmentOptions.DATA_PORT),
                    threads(config.get(NettyShuffleEnvironmentOptions.NUM_THREADS_SERVER), numberOfSlots), name);
        } finally {
            if (startedServer == null) {
                networkBufferPool.destroy();
            }
        }
        this.server = startedServer;
        this.client = new NettyShuffleClient(
                threads(config.get(NettyShuffleEnvironmentOptions.NUM_THREADS_CLIENT), numberOfSlots),
                config.get(NettyShuffleEnvironmentOptions.CLIENT_CONNECT_TIMEOUT_SECONDS), name);
    }

    private static int atLeast(Configuration config, io.freshet.configuration.ConfigOption<Integer> option, int min) {
        int value = config.get(option);
        if (value < min) {
            throw new io.freshet.configuration.IllegalConfigurationException("'%s' is %d; it must be at least %d.",
                    option.key(), value, min);
        }
        return value;
    }

    private static int threads(int configured, int numberOfSlots) {
        return configured > 0 ? configured : Math.max(1, numberOfSlots);
    }

    // ---- factories ----

    /** Creates and registers the result partition of a task; the task writes it and closes it when done. */
    public ResultPartition createResultPartition(String owningTaskName, ResultPartitionDescriptor descriptor)
            throws IOException {
        int subpartitions = descriptor.getNumberOfSubpartitions();
        ResultPartitionType type = descriptor.getPartitionType();
        int required = subpartitions + 1;
        int max;
        if (type.isBlocking()) {
            max = required;
        } else if (type.isBounded()) {
            max = Math.max(required, subpartitions * buffersPerChannel + floatingBuffersPerGate);
        } else {
            max = Integer.MAX_VALUE;
        }
        BufferPool pool = networkBufferPool.createBufferPool(required, max);
        ResultPartition partition;
        try {
            partition = new ResultPartition(owningTaskName, descriptor.getJobId(), descriptor.getPartitionId(), type,
                    subpartitions, pool, partitionManager, tempDirectory);
        } catch (IOException | RuntimeException e) {
            pool.lazyDestroy();
            throw e;
        }
        partitionManager.registerResultPartition(partition);
        return partition;
    }

    /** Creates the input gate of a task reading the given subpartitions, in order (channel i = descriptor i). */
    public SingleInputGate createInputGate(String owningTaskName, List<InputChannelDescriptor> channels)
            throws IOException {
        boolean anyRemote = false;
        for (InputChannelDescriptor channel : channels) {
            anyRemote |= !isLocal(channel);
        }
        BufferPool floatingBuffers = anyRemote ? networkBufferPool.createBufferPool(1, floatingBuffersPerGate) : null;
        try {
            return new SingleInputGate(owningTaskName, floatingBuffers, channels.size(), (gate, index) -> {
                InputChannelDescriptor descriptor = channels.get(index);
                if (isLocal(descriptor)) {
                    return new LocalInputChannel(gate, index, descriptor.getPartitionId(),
                            descriptor.getSubpartitionIndex(), partitionManager, initialBackoffMillis,
                            maxBackoffMillis);
                }
                return new RemoteInputChannel(gate, index, descriptor.getPartitionId(),
                        descriptor.getSubpartitionIndex(), descriptor.getProducerAddress(),
                        new InetSocketAddress(descriptor.getProducerHost(), descriptor.getProducerDataPort()), client,
                        networkBufferPool, buffersPerChannel, initialBackoffMillis, maxBackoffMillis);
            });
        } catch (IOException | RuntimeException e) {
            if (floatingBuffers != null) {
                floatingBuffers.lazyDestroy();
            }
            throw e;
        }
    }

    private boolean isLocal(InputChannelDescriptor channel) {
        return channel.isLocal() || channel.getProducerResourceId().equals(resourceId);
    }

    // ---- partitions ----

    /** Releases every partition of {@code jobId} held here (the job ended). */
    public void releasePartitionsOfJob(JobID jobId) {
        partitionManager.releasePartitionsOfJob(jobId);
    }

    // ---- state ----

    public ResourceID getResourceId() {
        return resourceId;
    }

    public String getHost() {
        return host;
    }

    public int getDataPort() {
        return server.getPort();
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return networkBufferPool;
    }

    public ResultPartitionManager getResultPartitionManager() {
        return partitionManager;
    }

    public NettyShuffleServer getServer() {
        return server;
    }

    public NettyShuffleClient getClient() {
        return client;
    }

    public File getTempDirectory() {
        return tempDirectory;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.close();
            } finally {
                partitionManager.close();
                networkBufferPool.destroyAllBufferPools();
                networkBufferPool.destroy();
            }
        }
    }
}

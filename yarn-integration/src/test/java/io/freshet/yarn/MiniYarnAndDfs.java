package io.freshet.yarn;

import java.io.File;
import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A MiniDFSCluster (one DataNode) and a MiniYARNCluster (one ResourceManager, two NodeManagers of 4 GB and 8 vcores)
 * under {@code target/}, for one test class; set up as shared/yarn-recipe.md found to work on a loaded 2-core
 * machine.
 */
final class MiniYarnAndDfs implements AutoCloseable {

    /** The largest container YARN grants here, in MB. */
    static final int MAX_ALLOCATION_MB = 2048;

    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final YarnConfiguration configuration;

    private MiniYarnAndDfs(MiniDFSCluster dfs, MiniYARNCluster yarn, YarnConfiguration configuration) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.configuration = configuration;
    }

    static MiniYarnAndDfs start(String name) throws IOException {
        File base = new File("target/mini-clusters/" + name).getAbsoluteFile();
        org.apache.hadoop.conf.Configuration hdfsConfiguration = new org.apache.hadoop.conf.Configuration();
        hdfsConfiguration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, new File(base, "dfs").getPath());
        hdfsConfiguration.setLong("dfs.namenode.resource.du.reserved", 0);
        hdfsConfiguration.setInt("dfs.replication", 1);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(hdfsConfiguration, new File(base, "dfs")).numDataNodes(1)
                .build();
        MiniYARNCluster yarn = null;
        try {
            dfs.waitActive();
            YarnConfiguration conf = new YarnConfiguration();
            conf.set("fs.defaultFS", "hdfs://localhost:" + dfs.getNameNodePort());
            conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 64);
            conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, MAX_ALLOCATION_MB);
            conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
            conf.setInt(YarnConfiguration.NM_VCORES, 8);
            conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
            conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
            conf.set("yarn.scheduler.capacity.root.queues", "default");
            conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
            conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
            conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
            conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 250);
            conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 600);
            conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 600);
            yarn = new MiniYARNCluster(name, 1, 2, 1, 1);
            yarn.init(conf);
            yarn.start();
            YarnConfiguration running = new YarnConfiguration(yarn.getConfig());
            running.set("fs.defaultFS", "hdfs://localhost:" + dfs.getNameNodePort());
            return new MiniYarnAndDfs(dfs, yarn, running);
        } catch (RuntimeException | IOException e) {
            if (yarn != null) {
                yarn.stop();
            }
            dfs.shutdown();
            throw e;
        }
    }

    /** Where YARN's ResourceManager is, with {@code fs.defaultFS} on the MiniDFSCluster. */
    YarnConfiguration yarnConfiguration() {
        return new YarnConfiguration(configuration);
    }

    URI hdfsUri() {
        return URI.create("hdfs://localhost:" + dfs.getNameNodePort());
    }

    org.apache.hadoop.fs.FileSystem fileSystem() throws IOException {
        return dfs.getFileSystem();
    }

    @Override
    public void close() {
        yarn.stop();
        dfs.shutdown();
    }
}

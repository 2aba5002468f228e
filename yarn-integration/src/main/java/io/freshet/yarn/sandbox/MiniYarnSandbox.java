package io.freshet.yarn.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A YARN and HDFS sandbox in one JVM for trying Freshet on YARN without a Hadoop cluster ({@code bin/mini-yarn.sh}),
 * and the fixture of this module's tests: a MiniDFSCluster with one DataNode and a MiniYARNCluster with one
 * ResourceManager and two NodeManagers of 4 GB and 8 vcores each, containers of at most {@value #MAX_ALLOCATION_MB} MB.
 *
 * <p>It needs Hadoop's {@code hadoop-client-minicluster} jar (with Bouncy Castle's {@code bcprov}/{@code bcpkix}, the
 * JAXB API and JUnit 4, which the mini clusters use) on the classpath, e.g. through {@code HADOOP_CLASSPATH}. Its
 * {@link #main} writes the clusters' configuration as {@code <directory>/hadoop-conf/} (core-site.xml and
 * yarn-site.xml) once they run, for {@code HADOOP_CONF_DIR}, and runs until it is stopped (SIGTERM).
 */
public final class MiniYarnSandbox implements AutoCloseable {

    /** The largest container the sandbox's YARN grants, in MB. */
    public static final int MAX_ALLOCATION_MB = 2048;

    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final YarnConfiguration configuration;

    private MiniYarnSandbox(MiniDFSCluster dfs, MiniYARNCluster yarn, YarnConfiguration configuration) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.configuration = configuration;
    }

    /** Starts both clusters with their data under {@code directory}. */
    public static MiniYarnSandbox start(String name, File directory) throws IOException {
        org.apache.hadoop.conf.Configuration hdfsConfiguration = new org.apache.hadoop.conf.Configuration();
        File dfsDirectory = new File(directory, "dfs");
        hdfsConfiguration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dfsDirectory.getPath());
        // a nearly full disk must not put the NameNode into safe mode
        hdfsConfiguration.setLong("dfs.namenode.resource.du.reserved", 0);
        hdfsConfiguration.setInt("dfs.replication", 1);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(hdfsConfiguration, dfsDirectory).numDataNodes(1).build();
        MiniYARNCluster yarn = null;
        try {
            dfs.waitActive();
            String defaultFs = "hdfs://localhost:" + dfs.getNameNodePort();
            YarnConfiguration conf = new YarnConfiguration();
            conf.set("fs.defaultFS", defaultFs);
            conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 64);
            conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, MAX_ALLOCATION_MB);
            conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
            conf.setInt(YarnConfiguration.NM_VCORES, 8);
            conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
            conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
            // the shaded minicluster ships no capacity-scheduler.xml
            conf.set("yarn.scheduler.capacity.root.queues", "default");
            conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
            conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
            // without log aggregation each NodeManager blocks for many seconds on stop
            conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
            conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 250);
            // keep the containers' directories and logs for a while, to look into them
            conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 600);
            yarn = new MiniYARNCluster(name, 1, 2, 1, 1);
            yarn.init(conf);
            yarn.start();
            YarnConfiguration running = new YarnConfiguration(yarn.getConfig());
            running.set("fs.defaultFS", defaultFs);
            return new MiniYarnSandbox(dfs, yarn, running);
        } catch (RuntimeException | IOException e) {
            if (yarn != null) {
                yarn.stop();
            }
            dfs.shutdown();
            throw e;
        }
    }

    /** Where YARN's ResourceManager is, with {@code fs.defaultFS} on the MiniDFSCluster. */
    public YarnConfiguration getConfiguration() {
        return new YarnConfiguration(configuration);
    }

    public URI getHdfsUri() {
        return URI.create("hdfs://localhost:" + dfs.getNameNodePort());
    }

    public org.apache.hadoop.fs.FileSystem getFileSystem() throws IOException {
        return dfs.getFileSystem();
    }

    /** Writes core-site.xml and yarn-site.xml (each fully, written then renamed) into {@code directory}. */
    public void writeHadoopConfiguration(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : new String[] {"core-site.xml", "yarn-site.xml"}) {
            Path temporary = Files.createTempFile(directory, name, ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                configuration.writeXml(out);
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public void close() {
        yarn.stop();
        dfs.shutdown();
    }

    /** {@code MiniYarnSandbox <directory>}: runs the sandbox until SIGTERM; see the class comment. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: MiniYarnSandbox <directory for the clusters' data and hadoop-conf/>");
            System.exit(1);
            return;
        }
        File directory = new File(args[0]).getAbsoluteFile();
        MiniYarnSandbox sandbox;
        Path hadoopConf = directory.toPath().resolve("hadoop-conf");
        try {
            sandbox = start("freshet-mini-yarn", directory);
            sandbox.writeHadoopConfiguration(hadoopConf);
        } catch (Throwable t) {
            System.err.println("Could not start the YARN sandbox: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println("The YARN sandbox runs: YARN ResourceManager at "
                + sandbox.configuration.get(YarnConfiguration.RM_ADDRESS) + ", HDFS at " + sandbox.getHdfsUri()
                + ", configuration in " + hadoopConf);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        MiniYarnSandbox running = sandbox;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "mini-yarn-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.freshet.runtime.fs.hdfs;

import java.io.File;
import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A one-DataNode MiniDFSCluster under {@code target/}, for one test class. */
final class MiniDfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private MiniDfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    static MiniDfs start(String name) throws IOException {
        File baseDirectory = new File("target/minidfs/" + name).getAbsoluteFile();
        org.apache.hadoop.conf.Configuration configuration = new org.apache.hadoop.conf.Configuration();
        configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDirectory.getPath());
        // the disk of a build machine may be fuller than the NameNode's default reserve of 100 MB allows
        configuration.setLong("dfs.namenode.resource.du.reserved", 0);
        configuration.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(configuration, baseDirectory).numDataNodes(1).build();
        cluster.waitActive();
        return new MiniDfs(cluster);
    }

    /** {@code hdfs://localhost:<port>}. */
    URI uri() {
        return URI.create("hdfs://localhost:" + cluster.getNameNodePort());
    }

    /** {@code hdfs://localhost:<port><path>}. */
    String uri(String path) {
        return uri() + path;
    }

    /** The NameNode's HTTP port (WebHDFS). */
    int httpPort() {
        return cluster.getNameNode().getHttpAddress().getPort();
    }

    @Override
    public void close() {
        cluster.shutdown();
    }
}

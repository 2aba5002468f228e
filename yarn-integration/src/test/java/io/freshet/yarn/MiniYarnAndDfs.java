package io.freshet.yarn;

import java.io.File;
import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import io.freshet.yarn.sandbox.MiniYarnSandbox;

/** The {@link MiniYarnSandbox} of one test class, under {@code target/}. */
final class MiniYarnAndDfs implements AutoCloseable {

    /** The largest container YARN grants here, in MB. */
    static final int MAX_ALLOCATION_MB = MiniYarnSandbox.MAX_ALLOCATION_MB;

    private final MiniYarnSandbox sandbox;

    private MiniYarnAndDfs(MiniYarnSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static MiniYarnAndDfs start(String name) throws IOException {
        return new MiniYarnAndDfs(MiniYarnSandbox.start(name,
                new File("target/mini-clusters/" + name).getAbsoluteFile()));
    }

    /** Where YARN's ResourceManager is, with {@code fs.defaultFS} on the MiniDFSCluster. */
    YarnConfiguration yarnConfiguration() {
        return sandbox.getConfiguration();
    }

    URI hdfsUri() {
        return sandbox.getHdfsUri();
    }

    org.apache.hadoop.fs.FileSystem fileSystem() throws IOException {
        return sandbox.getFileSystem();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

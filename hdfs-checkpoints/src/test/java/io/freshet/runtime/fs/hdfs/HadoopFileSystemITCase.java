package io.freshet.runtime.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FSDataInputStream;
import io.freshet.core.fs.FSDataOutputStream;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.FileSystem.WriteMode;
import io.freshet.core.fs.Path;

/** Freshet's file-system operations on a real HDFS, through {@code FileSystem.get} and the factory. */
class HadoopFileSystemITCase {

    private static MiniDfs dfs;

    @BeforeAll
    static void startDfs() throws IOException {
        dfs = MiniDfs.start("HadoopFileSystemITCase");
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(FileSystem fs, Path path, String text) throws IOException {
        try (OutputStream out = fs.create(path, WriteMode.OVERWRITE)) {
            out.write(bytes(text));
        }
    }

    @Test
    void fileOperationsRoundTripThroughFileSystemGet() throws IOException {
        Path directory = new Path(dfs.uri("/roundtrip"));
        FileSystem fs = FileSystem.get(directory.toUri());
        assertThat(fs).isInstanceOf(HadoopFileSystem.class);
        assertThat(FileSystem.get(URI.create(dfs.uri("/elsewhere")))).as("one file system per namenode").isSameAs(fs);

        assertThat(fs.mkdirs(new Path(directory, "sub"))).isTrue();
        Path file = new Path(directory, "sub/a.txt");
        try (FSDataOutputStream out = fs.create(file, WriteMode.NO_OVERWRITE)) {
            out.write(bytes("hello, "));
            out.write(bytes("river"));
            assertThat(out.getPos()).isEqualTo(12);
            out.sync();
        }
        assertThat(fs.exists(file)).isTrue();
        FileStatus status = fs.getFileStatus(file);
        assertThat(status.getLen()).isEqualTo(12);
        assertThat(status.isDir()).isFalse();
        assertThat(status.getPath()).isEqualTo(file);
        assertThat(status.getModificationTime()).isPositive();
        assertThat(read(fs, file)).isEqualTo("hello, river");

        try (FSDataInputStream in = fs.open(file)) {
            in.seek(7);
            assertThat(in.getPos()).isEqualTo(7);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("river");
            in.seek(0);
            assertThat(in.read()).isEqualTo('h');
        }

        assertThatThrownBy(() -> fs.create(file, WriteMode.NO_OVERWRITE))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString()).hasMessageContaining("OVERWRITE");
        write(fs, file, "replaced");
        assertThat(read(fs, file)).isEqualTo("replaced");

        write(fs, new Path(directory, "b.txt"), "b");
        FileStatus[] entries = fs.listStatus(directory);
        assertThat(Arrays.stream(entries).map(e -> e.getPath().getName())).containsExactly("b.txt", "sub");
        assertThat(entries[1].isDir()).isTrue();
        assertThat(entries[0].getPath().toUri().getAuthority()).as("listed paths are fully qualified")
                .isEqualTo(dfs.uri().getAuthority());
        assertThat(fs.listStatus(file)).extracting(FileStatus::getPath).containsExactly(file);

        Path renamed = new Path(directory, "c.txt");
        assertThat(fs.rename(new Path(directory, "b.txt"), renamed)).isTrue();
        assertThat(fs.exists(new Path(directory, "b.txt"))).isFalse();
        assertThat(read(fs, renamed)).isEqualTo("b");

        assertThat(fs.delete(renamed, false)).isTrue();
        assertThat(fs.delete(renamed, false)).as("nothing left to delete").isFalse();
        assertThat(fs.delete(directory, true)).isTrue();
        assertThat(fs.exists(directory)).isFalse();
        assertThatThrownBy(() -> fs.getFileStatus(file)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.open(file)).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void createMakesTheParentDirectories() throws IOException {
        Path file = new Path(dfs.uri("/parents/x/y/z.txt"));
        FileSystem fs = file.getFileSystem();
        write(fs, file, "z");
        assertThat(fs.getFileStatus(file.getParent()).isDir()).isTrue();
        assertThat(fs.delete(new Path(dfs.uri("/parents")), true)).isTrue();
    }

    @Test
    void otherHadoopSchemesAreServedToo() throws IOException {
        Path file = new Path(dfs.uri("/schemes/data.txt"));
        write(file.getFileSystem(), file, "over http");

        // the same file through WebHDFS, the NameNode's HTTP interface: a scheme the factory does not name as its own
        Path overHttp = new Path("webhdfs://localhost:" + dfs.httpPort() + "/schemes/data.txt");
        FileSystem webHdfs = overHttp.getFileSystem();
        assertThat(webHdfs).isInstanceOf(HadoopFileSystem.class);
        assertThat(read(webHdfs, overHttp)).isEqualTo("over http");

        HadoopFsFactory factory = new HadoopFsFactory(name -> null);
        assertThat(factory.supportsScheme("viewfs")).isTrue();
        assertThat(factory.supportsScheme("no-such-scheme")).isFalse();
        assertThatThrownBy(() -> FileSystem.get(URI.create("no-such-scheme://x/y")))
                .hasMessageContaining("no-such-scheme://x/y");
    }

    @Test
    void pathsWithoutNamenodeUseTheDefaultFileSystemOfHadoopConfDir(@TempDir File confDir) throws IOException {
        writeCoreSite(confDir, Map.of("fs.defaultFS", dfs.uri().toString()));
        HadoopFsFactory factory = new HadoopFsFactory(name -> name.equals("HADOOP_CONF_DIR") ? confDir.getPath() : null);

        Path file = new Path("hdfs:///defaults/a.txt");
        FileSystem fs = factory.create(file.toUri());
        write(fs, file, "through fs.defaultFS");
        assertThat(read(FileSystem.get(URI.create(dfs.uri("/defaults/a.txt"))), new Path(dfs.uri("/defaults/a.txt"))))
                .isEqualTo("through fs.defaultFS");
        assertThat(fs.getFileStatus(file).getPath().toString()).isEqualTo(dfs.uri("/defaults/a.txt"));
    }

    @Test
    void theOptionFsHdfsHadoopconfNamesTheConfigurationDirectory(@TempDir File confDir) throws IOException {
        writeCoreSite(confDir, Map.of("fs.defaultFS", dfs.uri().toString()));
        HadoopFsFactory factory = new HadoopFsFactory(name -> null);
        Configuration configuration = new Configuration();
        configuration.setString("fs.hdfs.hadoopconf", confDir.getPath());
        factory.configure(configuration);
        assertThat(factory.create(URI.create("hdfs:///")).exists(new Path("hdfs:///"))).isTrue();

        configuration.setString("fs.hdfs.hadoopconf", new File(confDir, "missing").getPath());
        factory.configure(configuration);
        assertThatThrownBy(() -> factory.create(URI.create("hdfs:///")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(new File(confDir, "missing").getPath())
                .hasMessageContaining("fs.hdfs.hadoopconf");
    }

    @Test
    void anHdfsPathWithoutNamenodeAndNoDefaultFileSystemIsExplained() {
        HadoopFsFactory factory = new HadoopFsFactory(name -> null);
        assertThatThrownBy(() -> factory.create(URI.create("hdfs:///freshet/checkpoints")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hdfs:///freshet/checkpoints")
                .hasMessageContaining("names no namenode")
                .hasMessageContaining("fs.defaultFS")
                .hasMessageContaining("HADOOP_CONF_DIR");
    }

    @Test
    void anUnreachableNamenodeIsNamedInTheError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HadoopFsFactory factory = new HadoopFsFactory(name -> null);
        Configuration configuration = new Configuration();
        // Hadoop retries a refused connection ten times, a second apart, by default
        configuration.setString("flink.hadoop.ipc.client.connect.max.retries", "0");
        factory.configure(configuration);
        String uri = "hdfs://127.0.0.1:" + closedPort + "/freshet/checkpoints";

        FileSystem fs = factory.create(URI.create(uri));
        assertThatThrownBy(() -> fs.mkdirs(new Path(uri)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(uri)
                .hasMessageContaining("cannot be reached")
                .hasMessageContaining("namenode");
        assertThatThrownBy(() -> fs.exists(new Path(uri))).hasMessageContaining(uri);
    }

    @Test
    void anUnknownNamenodeHostIsNamedInTheError() {
        HadoopFsFactory factory = new HadoopFsFactory(name -> null);
        String uri = "hdfs://no-such-namenode.invalid:8020/data";
        assertThatThrownBy(() -> factory.create(URI.create(uri)).exists(new Path(uri)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-namenode.invalid");
    }

    private static void writeCoreSite(File directory, Map<String, String> properties) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        properties.forEach((name, value) -> xml.append("  <property><name>").append(name).append("</name><value>")
                .append(value).append("</value></property>\n"));
        xml.append("</configuration>\n");
        Files.writeString(new File(directory, "core-site.xml").toPath(), xml);
    }
}

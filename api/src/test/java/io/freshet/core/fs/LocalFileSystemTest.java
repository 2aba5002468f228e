package io.freshet.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void pathsKeepSchemeAuthorityAndNames() {
        Path hdfs = new Path("hdfs://namenode:8020/data/in/part-0");
        assertThat(hdfs.toUri().getScheme()).isEqualTo("hdfs");
        assertThat(hdfs.getName()).isEqualTo("part-0");
        assertThat(hdfs.getParent()).isEqualTo(new Path("hdfs://namenode:8020/data/in"));
        assertThat(new Path(new Path("/tmp/x"), "y.txt").getPath()).isEqualTo("/tmp/x/y.txt");
        assertThat(new Path("/tmp/a/../b").getPath()).isEqualTo("/tmp/b");
        assertThat(new Path("/").getParent()).isNull();
        assertThatThrownBy(() -> new Path(" ")).hasMessageContaining("must not be empty");
    }

    @Test
    void createOpenSeekListRenameAndDeleteLocalFiles() throws Exception {
        FileSystem fs = new Path(dir.toUri()).getFileSystem();
        Path file = new Path(new Path(dir.toUri()), "sub/data.txt");
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write("hello world".getBytes(StandardCharsets.UTF_8));
            assertThat(out.getPos()).isEqualTo(11);
            out.sync();
        }
        assertThatThrownBy(() -> fs.create(file, FileSystem.WriteMode.NO_OVERWRITE))
                .hasMessageContaining(file.toString()).hasMessageContaining("OVERWRITE");
        try (FSDataInputStream in = fs.open(file)) {
            in.seek(6);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("world");
            assertThat(in.getPos()).isEqualTo(11);
        }
        assertThat(fs.getFileStatus(file).getLen()).isEqualTo(11);
        assertThat(fs.listStatus(file.getParent())).extracting(status -> status.getPath().getName())
                .containsExactly("data.txt");
        Path moved = new Path(file.getParent(), "moved.txt");
        fs.rename(file, moved);
        assertThat(fs.exists(file)).isFalse();
        assertThat(fs.exists(moved)).isTrue();
        assertThat(fs.delete(file.getParent(), true)).isTrue();
        assertThatThrownBy(() -> fs.getFileStatus(moved)).isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("does not exist");
    }
}

package io.freshet.runtime.fs.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;

import io.freshet.core.fs.FSDataInputStream;
import io.freshet.core.fs.FSDataOutputStream;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;

/**
 * A Freshet {@link FileSystem} over one Hadoop file system ({@code hdfs://namenode:8020}, ...). Thread-safe, as
 * Hadoop's file systems are; streams are not.
 *
 * <p>Paths without an authority ({@code hdfs:///data}) are taken as paths of this file system; the paths it returns
 * ({@link FileStatus#getPath()}) are fully qualified. A missing file is a {@link FileNotFoundException}, as on the
 * local file system; a namenode that cannot be reached is an {@link IOException} naming the path and what to check.
 */
public final class HadoopFileSystem extends FileSystem {

    private final org.apache.hadoop.fs.FileSystem fs;
    private final URI uri;

    public HadoopFileSystem(org.apache.hadoop.fs.FileSystem hadoopFileSystem) {
        this.fs = hadoopFileSystem;
        this.uri = hadoopFileSystem.getUri();
    }

    /** The Hadoop file system underneath. */
    public org.apache.hadoop.fs.FileSystem getHadoopFileSystem() {
        return fs;
    }

    // ---- file system operations ----

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        try {
            return new HadoopFileStatus(fs.getFileStatus(toHadoopPath(path)));
        } catch (IOException e) {
            throw explain("get the status of", path, e);
        }
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        org.apache.hadoop.fs.FileStatus[] entries;
        try {
            entries = fs.listStatus(toHadoopPath(path));
        } catch (IOException e) {
            throw explain("list", path, e);
        }
        FileStatus[] result = new FileStatus[entries.length];
        for (int i = 0; i < entries.length; i++) {
            result[i] = new HadoopFileStatus(entries[i]);
        }
        // sorted, as on the local file system, so that listings do not depend on the file system
        Arrays.sort(result, Comparator.comparing(FileStatus::getPath));
        return result;
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        try {
            return new HadoopDataInputStream(fs.open(toHadoopPath(path)));
        } catch (IOException e) {
            throw explain("open", path, e);
        }
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode overwriteMode) throws IOException {
        try {
            return new HadoopDataOutputStream(fs.create(toHadoopPath(path), overwriteMode == WriteMode.OVERWRITE));
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            throw new IOException("File " + path + " already exists; write it with WriteMode.OVERWRITE to replace it.",
                    e);
        } catch (IOException e) {
            throw explain("create", path, e);
        }
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        try {
            return fs.delete(toHadoopPath(path), recursive);
        } catch (IOException e) {
            throw explain("delete", path, e);
        }
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        try {
            return fs.mkdirs(toHadoopPath(path));
        } catch (IOException e) {
            throw explain("create the directory", path, e);
        }
    }

    /** Returns false, as Hadoop does, when the source does not exist or the target exists. */
    @Override
    public boolean rename(Path source, Path target) throws IOException {
        try {
            return fs.rename(toHadoopPath(source), toHadoopPath(target));
        } catch (IOException e) {
            throw explain("rename to " + target, source, e);
        }
    }

    @Override
    public boolean exists(Path path) throws IOException {
        try {
            return fs.exists(toHadoopPath(path));
        } catch (IOException e) {
            throw explain("look for", path, e);
        }
    }

    @Override
    public String toString() {
        return "HadoopFileSystem(" + uri + ")";
    }

    // ---- paths and errors ----

    /** {@code path} on this file system: one without scheme or authority gets this file system's. */
    org.apache.hadoop.fs.Path toHadoopPath(Path path) {
        URI pathUri = path.toUri();
        if (pathUri.getScheme() == null || pathUri.getAuthority() == null) {
            return new org.apache.hadoop.fs.Path(uri.getScheme(), uri.getAuthority(), pathUri.getPath());
        }
        return new org.apache.hadoop.fs.Path(pathUri);
    }

    /**
     * A namenode (or other server) that cannot be reached becomes an error naming the path and what to check; a
     * missing file stays a {@link FileNotFoundException} (callers test for it); others stay as Hadoop words them.
     */
    private IOException explain(String action, Path path, IOException e) {
        if (e instanceof FileNotFoundException || !isUnreachable(e)) {
            return e;
        }
        return new IOException("Could not " + action + " " + path + ": " + uri + " cannot be reached (" + e.getMessage()
                + "). Check that the namenode runs and that the host and port in the path (or in the Hadoop"
                + " configuration's fs.defaultFS) are its RPC address.", e);
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    // ---- statuses and streams ----

    private static final class HadoopFileStatus implements FileStatus {
        private final org.apache.hadoop.fs.FileStatus status;
        private final Path path;

        HadoopFileStatus(org.apache.hadoop.fs.FileStatus status) {
            this.status = status;
            this.path = new Path(status.getPath().toUri());
        }

        @Override
        public long getLen() {
            return status.getLen();
        }

        @Override
        public long getModificationTime() {
            return status.getModificationTime();
        }

        @Override
        public boolean isDir() {
            return status.isDirectory();
        }

        @Override
        public Path getPath() {
            return path;
        }

        @Override
        public String toString() {
            return (isDir() ? "directory " : "file ") + path + " (" + getLen() + " bytes)";
        }
    }

    /** Hadoop's input stream; seeks are Hadoop's (a seek forward inside the current block reads on). */
    private static final class HadoopDataInputStream extends FSDataInputStream {
        private final org.apache.hadoop.fs.FSDataInputStream in;

        HadoopDataInputStream(org.apache.hadoop.fs.FSDataInputStream in) {
            this.in = in;
        }

        @Override
        public void seek(long desired) throws IOException {
            in.seek(desired);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Hadoop's output stream; {@link #sync()} is {@code hsync} (on the datanodes' disks), flush is Hadoop's. */
    private static final class HadoopDataOutputStream extends FSDataOutputStream {
        private final org.apache.hadoop.fs.FSDataOutputStream out;

        HadoopDataOutputStream(org.apache.hadoop.fs.FSDataOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void sync() throws IOException {
            out.hsync();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

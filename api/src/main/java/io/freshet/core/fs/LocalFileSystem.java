package io.freshet.core.fs;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local disk, through {@code java.nio.file}. */
public final class LocalFileSystem extends FileSystem {

    private static final LocalFileSystem INSTANCE = new LocalFileSystem();

    public static LocalFileSystem getSharedInstance() {
        return INSTANCE;
    }

    private static java.nio.file.Path local(Path path) {
        return new File(path.toUri().getPath()).toPath();
    }

    private static final class LocalStatus implements FileStatus {
        private final Path path;
        private final BasicFileAttributes attributes;

        LocalStatus(Path path, BasicFileAttributes attributes) {
            this.path = path;
            this.attributes = attributes;
        }

        @Override
        public long getLen() {
            return attributes.size();
        }

        @Override
        public long getModificationTime() {
            return attributes.lastModifiedTime().toMillis();
        }

        @Override
        public boolean isDir() {
            return attributes.isDirectory();
        }

        @Override
        public Path getPath() {
            return path;
        }
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        try {
            return new LocalStatus(path, Files.readAttributes(local(path), BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("File " + path + " does not exist.");
        }
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        FileStatus status = getFileStatus(path);
        if (!status.isDir()) {
            return new FileStatus[] {status};
        }
        List<FileStatus> entries = new ArrayList<>();
        try (Stream<java.nio.file.Path> children = Files.list(local(path))) {
            for (java.nio.file.Path child : (Iterable<java.nio.file.Path>) children.sorted()::iterator) {
                Path childPath = new Path(path, child.getFileName().toString());
                try {
                    entries.add(new LocalStatus(childPath, Files.readAttributes(child, BasicFileAttributes.class)));
                } catch (NoSuchFileException e) {
                    // deleted meanwhile
                }
            }
        }
        return entries.toArray(new FileStatus[0]);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        try {
            return new LocalDataInputStream(FileChannel.open(local(path), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("File " + path + " does not exist.");
        }
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode overwriteMode) throws IOException {
        java.nio.file.Path file = local(path);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            FileChannel channel = overwriteMode == WriteMode.OVERWRITE
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)
                    : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new LocalDataOutputStream(channel);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("File " + path + " already exists; write it with WriteMode.OVERWRITE to replace it.",
                    e);
        }
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        java.nio.file.Path file = local(path);
        if (!Files.exists(file)) {
            return false;
        }
        if (Files.isDirectory(file) && recursive) {
            try (Stream<java.nio.file.Path> all = Files.walk(file)) {
                all.sorted(Comparator.reverseOrder()).forEach(entry -> {
                    try {
                        Files.delete(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return true;
        }
        Files.delete(file);
        return true;
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        Files.createDirectories(local(path));
        return true;
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        Files.move(local(source), local(target), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static final class LocalDataInputStream extends FSDataInputStream {
        private final FileChannel channel;
        private final ByteBuffer single = ByteBuffer.allocate(1);

        LocalDataInputStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void seek(long desired) throws IOException {
            channel.position(desired);
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public int read() throws IOException {
            single.clear();
            int n = channel.read(single);
            return n <= 0 ? -1 : single.get(0) & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            long target = Math.min(channel.size(), channel.position() + Math.max(0, n));
            long skipped = target - channel.position();
            channel.position(target);
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class LocalDataOutputStream extends FSDataOutputStream {
        private final FileChannel channel;
        private final ByteBuffer single = ByteBuffer.allocate(1);

        LocalDataOutputStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public void sync() throws IOException {
            channel.force(true);
        }

        @Override
        public void write(int b) throws IOException {
            single.clear();
            single.put((byte) b).flip();
            channel.write(single);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

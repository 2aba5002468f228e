package io.freshet.connector.file.src;

import java.io.Serializable;

import io.freshet.api.connector.source.SourceSplit;
import io.freshet.core.fs.Path;

/** A range of a file: {@code length} bytes from {@code offset}. */
public class FileSourceSplit implements SourceSplit, Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final Path filePath;
    private final long offset;
    private final long length;
    private final long fileModificationTime;
    private final long fileSize;
    private final io.freshet.connector.file.src.util.CheckpointedPosition readerPosition;

    public FileSourceSplit(String id, Path filePath, long offset, long length) {
        this(id, filePath, offset, length, 0, offset + length);
    }

    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize) {
        this(id, filePath, offset, length, fileModificationTime, fileSize, null);
    }

    /** A split a reader had partly read when a checkpoint was taken ({@code readerPosition}: where it stood). */
    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize, io.freshet.connector.file.src.util.CheckpointedPosition readerPosition) {
        this.readerPosition = readerPosition;
        this.id = id;
        this.filePath = filePath;
        this.offset = offset;
        this.length = length;
        this.fileModificationTime = fileModificationTime;
        this.fileSize = fileSize;
    }

    @Override
    public String splitId() {
        return id;
    }

    public Path path() {
        return filePath;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    public long fileModificationTime() {
        return fileModificationTime;
    }

    public long fileSize() {
        return fileSize;
    }

    /** Where a reader stood in this split at a checkpoint; empty for a split not started. */
    public java.util.Optional<io.freshet.connector.file.src.util.CheckpointedPosition> getReaderPosition() {
        return java.util.Optional.ofNullable(readerPosition);
    }

    /** This split with {@code position} as the reader's position. */
    public FileSourceSplit updateWithCheckpointedPosition(
            io.freshet.connector.file.src.util.CheckpointedPosition position) {
        return new FileSourceSplit(id, filePath, offset, length, fileModificationTime, fileSize, position);
    }

    @Override
    public String toString() {
        return "FileSourceSplit: " + filePath + " [" + offset + ", " + (offset + length) + ") id=" + id
                + (readerPosition == null ? "" : " " + readerPosition);
    }
}

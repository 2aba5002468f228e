package io.freshet.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobID;
import io.freshet.configuration.CheckpointingOptions;
import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;

/**
 * Where completed checkpoints go: JobManager memory only ({@code execution.checkpointing.storage: jobmanager}), or a
 * directory ({@code execution.checkpointing.dir}, any scheme a {@link FileSystem} is registered for) with one
 * {@code <dir>/<job-id>/chk-<n>/_metadata} file per checkpoint.
 *
 * <p>The metadata file holds the whole checkpoint (state included, for now): a magic number, a format version, the
 * length and CRC32 of the body, then the body. A truncated or corrupted file is detected when read.
 */
public final class CheckpointMetadataStorage {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointMetadataStorage.class);

    /** "FRCK". */
    private static final int MAGIC = 0x4652434B;
    private static final int VERSION = 1;
    public static final String METADATA_FILE_NAME = "_metadata";

    private final Path jobDirectory;

    private CheckpointMetadataStorage(Path jobDirectory) {
        this.jobDirectory = jobDirectory;
    }

    /**
     * The storage the job's configuration names.
     *
     * @throws IllegalArgumentException for an unknown storage name, or file-system storage without a directory
     */
    public static CheckpointMetadataStorage fromConfiguration(Configuration configuration, JobID jobId) {
        String kind = configuration.getOptional(CheckpointingOptions.CHECKPOINT_STORAGE).orElse(null);
        String directory = configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null);
        if (kind == null) {
            kind = directory == null ? "jobmanager" : "filesystem";
        }
        switch (kind.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "jobmanager":
                return new CheckpointMetadataStorage(null);
            case "filesystem":
                if (directory == null || directory.isBlank()) {
                    throw new IllegalArgumentException("execution.checkpointing.storage is 'filesystem' but"
                            + " execution.checkpointing.dir (state.checkpoints.dir) is not set: set it to a directory"
                            + " every JobManager and TaskManager can reach, such as hdfs:///freshet/checkpoints.");
                }
                return new CheckpointMetadataStorage(new Path(new Path(directory), jobId.toString()));
            default:
                throw new IllegalArgumentException("Unknown execution.checkpointing.storage '" + kind + "': use"
                        + " 'jobmanager' or 'filesystem'.");
        }
    }

    /** Whether checkpoints are written to a directory (else they live in the JobManager's memory only). */
    public boolean isExternal() {
        return jobDirectory != null;
    }

    /**
     * The directory of checkpoint {@code checkpointId} ({@code <dir>/<job-id>/chk-<n>}), where tasks write their state
     * files and the JobManager the {@code _metadata} file; null for JobManager storage.
     */
    public Path checkpointDirectory(long checkpointId) {
        return jobDirectory == null ? null : new Path(jobDirectory, "chk-" + checkpointId);
    }

    /** Deletes what tasks wrote for checkpoint {@code checkpointId}, which was aborted. */
    public void discardAborted(long checkpointId) {
        Path directory = checkpointDirectory(checkpointId);
        if (directory == null) {
            return;
        }
        try {
            directory.getFileSystem().delete(directory, true);
        } catch (IOException e) {
            LOG.warn("Could not delete the directory {} of aborted checkpoint {}: {}", directory, checkpointId,
                    e.getMessage());
        }
    }

    /** Writes {@code checkpoint}'s metadata file; returns the checkpoint's directory (its external pointer). */
    public String write(CompletedCheckpoint checkpoint) throws IOException {
        return writeTo(new Path(jobDirectory, "chk-" + checkpoint.getCheckpointID()), checkpoint);
    }

    /**
     * Writes a savepoint into a new directory {@code savepoint-<job id prefix>-<random>} under {@code targetDirectory};
     * returns that directory. A savepoint holds all its state, so it can be moved or copied elsewhere as a whole.
     */
    public static String writeSavepoint(String targetDirectory, JobID jobId, CompletedCheckpoint savepoint)
            throws IOException {
        String name = "savepoint-" + jobId.toString().substring(0, 6) + "-"
                + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return writeTo(new Path(new Path(targetDirectory), name), savepoint);
    }

    private static String writeTo(Path directory, CompletedCheckpoint checkpoint) throws IOException {
        FileSystem fs = directory.getFileSystem();
        if (!fs.mkdirs(directory)) {
            throw new IOException("could not create the directory " + directory);
        }
        byte[] body;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(checkpoint);
        }
        body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        Path metadata = new Path(directory, METADATA_FILE_NAME);
        try (OutputStream stream = fs.create(metadata, FileSystem.WriteMode.OVERWRITE);
                DataOutputStream out = new DataOutputStream(stream)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(body.length);
            out.writeLong(crc.getValue());
            out.write(body);
        }
        return directory.toUri().toString();
    }

    /**
     * Reads the checkpoint whose directory (or {@code _metadata} file) is {@code pointer}.
     *
     * @throws IOException naming the file when it is missing, not a checkpoint, truncated or corrupted
     */
    public static CompletedCheckpoint read(String pointer, ClassLoader classLoader) throws IOException {
        Path path = new Path(pointer);
        FileSystem fs = path.getFileSystem();
        Path metadata = path.getName().equals(METADATA_FILE_NAME) ? path : new Path(path, METADATA_FILE_NAME);
        if (!fs.exists(metadata)) {
            throw new IOException("There is no checkpoint or savepoint at " + pointer + ": " + metadata
                    + " does not exist.");
        }
        try (InputStream stream = fs.open(metadata); DataInputStream in = new DataInputStream(stream)) {
            if (in.readInt() != MAGIC) {
                throw new IOException(metadata + " is not the metadata file of a Freshet checkpoint or savepoint.");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(metadata + " has format version " + version + "; this Freshet reads "
                        + VERSION + ".");
            }
            long length = in.readLong();
            long checksum = in.readLong();
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new IOException(metadata + " is corrupted (length " + length + ").");
            }
            byte[] body = new byte[(int) length];
            try {
                in.readFully(body);
            } catch (java.io.EOFException e) {
                throw new IOException(metadata + " is truncated: it should hold " + length + " bytes of checkpoint"
                        + " data.", e);
            }
            CRC32 crc = new CRC32();
            crc.update(body);
            if (crc.getValue() != checksum) {
                throw new IOException(metadata + " is corrupted: its checksum does not match its content.");
            }
            try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(body)) {
                @Override
                protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException,
                        ClassNotFoundException {
                    return Class.forName(desc.getName(), false, classLoader);
                }
            }) {
                CompletedCheckpoint checkpoint = (CompletedCheckpoint) objects.readObject();
                checkpoint.setExternalPointer(path.getName().equals(METADATA_FILE_NAME)
                        ? path.getParent().toUri().toString() : path.toUri().toString());
                return checkpoint;
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException(metadata + " holds data this Freshet cannot read: " + e, e);
            }
        } catch (java.io.EOFException e) {
            throw new IOException(metadata + " is truncated.", e);
        }
    }

    /** Deletes a checkpoint's directory (a subsumed checkpoint, or one not retained when the job ends). */
    public void discard(CompletedCheckpoint checkpoint) {
        String pointer = checkpoint.getExternalPointer();
        if (pointer == null || checkpoint.isSavepoint()) {
            return; // savepoints belong to the user
        }
        try {
            Path directory = new Path(pointer);
            directory.getFileSystem().delete(directory, true);
        } catch (IOException e) {
            LOG.warn("Could not delete checkpoint directory {}: {}", pointer, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return jobDirectory == null ? "in JobManager memory" : "under " + jobDirectory;
    }
}

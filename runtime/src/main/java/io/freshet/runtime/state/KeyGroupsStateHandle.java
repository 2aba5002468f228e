package io.freshet.runtime.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * The keyed state one subtask wrote in a checkpoint: a header (the states, their serializers) at the start of the
 * first chunk, then its key groups one after another, each within one chunk, with where each starts, so that a
 * restore, at any parallelism, reads just the key groups it owns. The bytes are cut into chunks of a few hundred KB
 * so that a large state is no single huge array (which garbage collectors such as G1 handle badly).
 *
 * <p>The chunks are either held here (JobManager storage, savepoints: the handle travels in the checkpoint's
 * metadata) or lie one after another in a file the task wrote into the checkpoint's directory (file-system storage),
 * read chunk by chunk when needed; the handle then holds only the file's path and where each chunk lies.
 */
public final class KeyGroupsStateHandle implements Serializable {

    private static final long serialVersionUID = 2L;

    private final KeyGroupRange keyGroupRange;
    private final int[] chunkOfKeyGroup;
    private final int[] offsets;
    private final byte[][] chunks;
    /** For chunks in a file: its path, and each chunk's position and length in it (else null). */
    private final String file;
    private final long[] chunkStarts;
    private final int[] chunkLengths;
    private final int[] chunkChecksums;
    /** The chunk read from the file last (a restore reads key groups in order). */
    private transient int cachedChunk;
    private transient byte[] cached;

    /** One chunk holding everything. */
    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] offsets, byte[] data) {
        this(keyGroupRange, new int[offsets.length], offsets, new byte[][] {data});
    }

    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] chunkOfKeyGroup, int[] offsets, byte[][] chunks) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.chunkOfKeyGroup = Objects.requireNonNull(chunkOfKeyGroup, "chunkOfKeyGroup");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.chunks = Objects.requireNonNull(chunks, "chunks");
        this.file = null;
        this.chunkStarts = null;
        this.chunkLengths = null;
        this.chunkChecksums = null;
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()
                || chunkOfKeyGroup.length != keyGroupRange.getNumberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange);
        }
    }

    /**
     * Chunks lying in {@code file}, chunk {@code i} at {@code chunkStarts[i]} with {@code chunkLengths[i]} bytes whose
     * CRC32 is {@code chunkChecksums[i]}.
     */
    public KeyGroupsStateHandle(KeyGroupRange keyGroupRange, int[] chunkOfKeyGroup, int[] offsets, String file,
            long[] chunkStarts, int[] chunkLengths, int[] chunkChecksums) {
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        this.chunkOfKeyGroup = Objects.requireNonNull(chunkOfKeyGroup, "chunkOfKeyGroup");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.chunks = null;
        this.file = Objects.requireNonNull(file, "file");
        this.chunkStarts = Objects.requireNonNull(chunkStarts, "chunkStarts");
        this.chunkLengths = Objects.requireNonNull(chunkLengths, "chunkLengths");
        this.chunkChecksums = Objects.requireNonNull(chunkChecksums, "chunkChecksums");
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()
                || chunkOfKeyGroup.length != keyGroupRange.getNumberOfKeyGroups()
                || chunkStarts.length != chunkLengths.length || chunkStarts.length != chunkChecksums.length
                || chunkStarts.length == 0) {
            throw new IllegalArgumentException(offsets.length + " offsets, " + chunkStarts.length + " chunks for "
                    + keyGroupRange);
        }
    }

    /** The file holding the chunks, or null when they are held here. */
    public String getFile() {
        return file;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** The chunk holding the header (always the first). */
    public byte[] getHeaderChunk() throws IOException {
        return chunk(0);
    }

    /** The chunk holding key group {@code keyGroup}. */
    public byte[] getChunk(int keyGroup) throws IOException {
        return chunk(chunkOfKeyGroup[keyGroup - keyGroupRange.getStartKeyGroup()]);
    }

    private byte[] chunk(int index) throws IOException {
        if (chunks != null) {
            return chunks[index];
        }
        if (cached == null || index != cachedChunk) {
            byte[] bytes = new byte[chunkLengths[index]];
            io.freshet.core.fs.Path path = new io.freshet.core.fs.Path(file);
            try (io.freshet.core.fs.FSDataInputStream in = path.getFileSystem().open(path)) {
                in.seek(chunkStarts[index]);
                int read = 0;
                while (read < bytes.length) {
                    int n = in.read(bytes, read, bytes.length - read);
                    if (n < 0) {
                        throw new CorruptedStateException("The keyed state file " + file + " of the checkpoint ends at "
                                + (chunkStarts[index] + read) + " bytes, before the chunk that should end at "
                                + (chunkStarts[index] + bytes.length) + ": it was truncated.");
                    }
                    read += n;
                }
            } catch (java.io.FileNotFoundException e) {
                throw new CorruptedStateException("The keyed state file " + file + " of the checkpoint does not exist (deleted"
                        + " with its checkpoint directory?).", e);
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            if ((int) crc.getValue() != chunkChecksums[index]) {
                throw new CorruptedStateException("The keyed state file " + file + " of the checkpoint is corrupted: the "
                        + bytes.length + " bytes at " + chunkStarts[index] + " do not have the checksum they were"
                        + " written with.");
            }
            cached = bytes;
            cachedChunk = index;
        }
        return cached;
    }

    /** Where key group {@code keyGroup}'s entries start in {@link #getChunk(int)}. */
    public int getOffset(int keyGroup) {
        return offsets[keyGroup - keyGroupRange.getStartKeyGroup()];
    }

    public long getStateSize() {
        long size = 0;
        if (chunks != null) {
            for (byte[] chunk : chunks) {
                size += chunk.length;
            }
        } else {
            for (int length : chunkLengths) {
                size += length;
            }
        }
        return size;
    }
}

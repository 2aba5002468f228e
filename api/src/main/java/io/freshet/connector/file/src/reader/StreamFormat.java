package io.freshet.connector.file.src.reader;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

import io.freshet.api.java.typeutils.ResultTypeQueryable;
import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FSDataInputStream;

/** Reads records from a stream of a file's bytes (a {@code FileSource} format). */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {

    /**
     * A reader of the file behind {@code stream}, from its current position up to {@code splitEnd}.
     *
     * @param fileLen the length of the whole file
     */
    Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException;

    /** A reader that continues at {@code restoredOffset} (after a failure). */
    Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException;

    /** Whether a file may be cut into several splits read in parallel. */
    boolean isSplittable();

    /** Reads records one at a time. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end. */
        T read() throws IOException;

        @Override
        void close() throws IOException;
    }
}

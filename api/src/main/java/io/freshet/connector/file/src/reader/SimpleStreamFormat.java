package io.freshet.connector.file.src.reader;

import java.io.IOException;

import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FSDataInputStream;

/** A format that reads whole files from their start (not splittable). */
public abstract class SimpleStreamFormat<T> implements StreamFormat<T> {

    private static final long serialVersionUID = 1L;

    public abstract Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException;

    @Override
    public final Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return createReader(config, stream);
    }

    @Override
    public final Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) throws IOException {
        stream.seek(restoredOffset);
        return createReader(config, stream);
    }

    @Override
    public final boolean isSplittable() {
        return false;
    }
}

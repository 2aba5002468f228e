package io.freshet.core.fs;

import java.io.IOException;
import java.io.InputStream;

/** A stream of a file's bytes that can jump to a position. */
public abstract class FSDataInputStream extends InputStream {

    /** Continues reading at byte {@code desired} of the file. */
    public abstract void seek(long desired) throws IOException;

    /** The position of the next byte read. */
    public abstract long getPos() throws IOException;
}

package io.freshet.core.fs;

import java.io.IOException;
import java.io.OutputStream;

/** A stream that writes a file. */
public abstract class FSDataOutputStream extends OutputStream {

    /** The number of bytes written so far. */
    public abstract long getPos() throws IOException;

    /** Makes what was written durable (on disk, or on the file system's replicas). */
    public abstract void sync() throws IOException;
}

package io.freshet.core.memory;

import java.io.DataInput;
import java.io.IOException;

/** Where serializers read records from: the reading side of {@link DataOutputView}. */
public interface DataInputView extends DataInput {

    /** Skips exactly {@code numBytes} bytes, or throws {@link java.io.EOFException}. */
    void skipBytesToRead(int numBytes) throws IOException;

    /** Reads up to {@code len} bytes; returns the number read, or -1 at the end of the input. */
    int read(byte[] b, int off, int len) throws IOException;

    int read(byte[] b) throws IOException;
}

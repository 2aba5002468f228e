package io.freshet.core.memory;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Where serializers write records: a {@link DataOutput} (big-endian) that may be backed by a growing array or by
 * a chain of memory segments. Records may span segment boundaries; the view hides them.
 */
public interface DataOutputView extends DataOutput {

    /** Skips {@code numBytes} bytes; their content is undefined until written. */
    void skipBytesToWrite(int numBytes) throws IOException;

    /** Copies {@code numBytes} bytes from {@code source} into this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}

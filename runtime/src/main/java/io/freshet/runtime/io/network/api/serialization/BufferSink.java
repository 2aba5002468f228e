package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;

import io.freshet.runtime.io.network.buffer.Buffer;

/** Takes finished buffers from a {@link BufferWritingView}; ownership of each buffer passes with the call. */
@FunctionalInterface
public interface BufferSink {

    void accept(Buffer finishedBuffer) throws IOException;
}

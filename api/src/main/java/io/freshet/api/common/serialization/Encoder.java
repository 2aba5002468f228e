package io.freshet.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element to a stream (a row format of the file sink). */
public interface Encoder<IN> extends Serializable {

    void encode(IN element, OutputStream stream) throws IOException;
}

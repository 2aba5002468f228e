package io.freshet.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/** Writes {@code element.toString()} and a newline, in a charset (UTF-8 by default). */
public class SimpleStringEncoder<IN> implements Encoder<IN> {

    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private transient Charset charset;

    public SimpleStringEncoder() {
        this("UTF-8");
    }

    public SimpleStringEncoder(String charsetName) {
        this.charsetName = charsetName;
        Charset.forName(charsetName); // an unknown charset fails here, when the program is built
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        if (charset == null) {
            charset = Charset.forName(charsetName);
        }
        stream.write(element.toString().getBytes(charset));
        stream.write('\n');
    }
}

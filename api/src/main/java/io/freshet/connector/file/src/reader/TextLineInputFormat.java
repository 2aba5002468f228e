package io.freshet.connector.file.src.reader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FSDataInputStream;

/** The lines of text files (without their line terminators), in a charset (UTF-8 by default). */
public class TextLineInputFormat extends SimpleStreamFormat<String> {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_CHARSET_NAME = "UTF-8";

    private final String charsetName;

    public TextLineInputFormat() {
        this(DEFAULT_CHARSET_NAME);
    }

    public TextLineInputFormat(String charsetName) {
        Charset.forName(charsetName); // an unknown charset fails here, when the program is built
        this.charsetName = charsetName;
    }

    @Override
    public Reader createReader(Configuration config, FSDataInputStream stream) throws IOException {
        return new Reader(new BufferedReader(new InputStreamReader(stream, Charset.forName(charsetName)), 64 * 1024));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    /** Reads one line per call. */
    public static final class Reader implements StreamFormat.Reader<String> {
        private final BufferedReader reader;

        Reader(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public String read() throws IOException {
            return reader.readLine();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

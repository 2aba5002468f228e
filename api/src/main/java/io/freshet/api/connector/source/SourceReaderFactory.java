package io.freshet.api.connector.source;

import java.io.Serializable;

/** Creates the reader each parallel instance of a source runs. */
public interface SourceReaderFactory<T, SplitT extends SourceSplit> extends Serializable {

    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}

package io.freshet.api.connector.source;

/** A part of a source's input (a file range, a range of numbers) that one reader reads. */
public interface SourceSplit {

    /** Unique among the source's splits. */
    String splitId();
}

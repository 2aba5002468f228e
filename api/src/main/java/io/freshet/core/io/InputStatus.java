package io.freshet.core.io;

/** What a poll of a reader found. */
public enum InputStatus {
    /** More is available right away: poll again. */
    MORE_AVAILABLE,
    /** Nothing now; wait for the reader's availability future. */
    NOTHING_AVAILABLE,
    /** The input has ended. */
    END_OF_INPUT
}

package io.freshet.api.connector.source;

/** Whether a source ends by itself (BOUNDED) or may run forever (CONTINUOUS_UNBOUNDED). */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}

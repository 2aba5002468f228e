package io.freshet.runtime.event;

/**
 * An event: a control message that travels in-band with the records of a channel, so that it is seen after
 * every record sent before it and before every record sent after it (end of partition, checkpoint barriers).
 * Events are serialized by {@code EventSerializer}, each into its own EVENT_BUFFER.
 */
public abstract class AbstractEvent {}

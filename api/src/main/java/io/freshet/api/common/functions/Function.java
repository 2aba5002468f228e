package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Marker for all user functions. Functions are serialized on the client and shipped to the tasks that run
 * them, so every implementation must be serializable, including the objects it captures.
 */
public interface Function extends Serializable {}

package io.freshet.api.common.functions;

/**
 * What the runtime hands to {@link RichFunction#open(OpenContext)}. It carries nothing yet; it exists so that
 * information can be added later without changing the signature of {@code open}.
 */
public interface OpenContext {}

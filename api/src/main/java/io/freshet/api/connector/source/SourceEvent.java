package io.freshet.api.connector.source;

import java.io.Serializable;

/** A message of a source's own between its enumerator and its readers. */
public interface SourceEvent extends Serializable {}

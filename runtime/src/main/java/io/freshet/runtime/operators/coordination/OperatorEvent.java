package io.freshet.runtime.operators.coordination;

import java.io.Serializable;

/** A message between an operator's coordinator on the JobManager and the operator's subtasks. */
public interface OperatorEvent extends Serializable {}

package io.freshet.runtime.operators.coordination;

/** How a subtask sends events to its operator's coordinator. */
public interface OperatorEventGateway {

    void sendEventToCoordinator(OperatorEvent event);
}

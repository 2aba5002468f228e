package io.freshet.runtime.operators.coordination;

/** An operator that receives events from its coordinator (in the task thread). */
public interface OperatorEventHandler {

    void handleOperatorEvent(OperatorEvent event) throws Exception;
}

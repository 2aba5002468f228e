package io.freshet.api.common.functions;

/** The empty {@link OpenContext}, for callers (tests, utilities) that open a function outside a task. */
public class DefaultOpenContext implements OpenContext {

    /** A shared instance; the class holds no state. */
    public static final OpenContext INSTANCE = new DefaultOpenContext();
}

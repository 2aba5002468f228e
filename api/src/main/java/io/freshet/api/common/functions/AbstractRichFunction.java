package io.freshet.api.common.functions;

import java.io.Serializable;

import io.freshet.configuration.Configuration;

/**
 * Base class for rich functions: keeps the runtime context and gives {@code open} and {@code close} empty
 * bodies, so subclasses override only what they need. The context is transient: it belongs to one task and
 * is never shipped with the function.
 */
public abstract class AbstractRichFunction implements RichFunction, Serializable {

    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext t) {
        this.runtimeContext = t;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException(
                    "The runtime context of " + getClass().getName() + " has not been set yet: it is available"
                            + " from open() on, not in the constructor.");
        }
        return runtimeContext;
    }

    @Override
    public IterationRuntimeContext getIterationRuntimeContext() {
        RuntimeContext context = getRuntimeContext();
        if (!(context instanceof IterationRuntimeContext)) {
            throw new IllegalStateException(
                    getClass().getName() + " does not run inside an iteration, so it has no iteration context.");
        }
        return (IterationRuntimeContext) context;
    }

    /** @deprecated override {@link #open(OpenContext)}; see {@link RichFunction#open(Configuration)}. */
    @Override
    @Deprecated
    public void open(Configuration parameters) throws Exception {}

    @Override
    public void close() throws Exception {}
}

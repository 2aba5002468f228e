package io.freshet.streaming.api.operators;

import java.util.Objects;

import io.freshet.api.common.functions.DefaultOpenContext;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.RichFunction;

/** An operator around one user function: gives a rich function its runtime context and opens and closes it. */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {

    private static final long serialVersionUID = 1L;

    protected final F userFunction;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = Objects.requireNonNull(userFunction, "userFunction");
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(getRuntimeContext());
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        initializeFunctionState(userFunction);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(DefaultOpenContext.INSTANCE);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (userFunction instanceof RichFunction) {
                ((RichFunction) userFunction).close();
            }
        } finally {
            super.close();
        }
    }
}

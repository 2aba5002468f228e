package io.freshet.runtime.messages;

import java.io.Serializable;

/** The answer of an RPC that succeeded and has nothing to return. */
public final class Acknowledge implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Acknowledge INSTANCE = new Acknowledge();

    private Acknowledge() {}

    public static Acknowledge get() {
        return INSTANCE;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "Acknowledge";
    }
}

package io.freshet.util;

import java.io.IOException;

/**
 * A failure that crosses class-loader and process boundaries: user code may throw exceptions of classes that only
 * the job's class loader knows, so the runtime ships this copy instead. It keeps the original's class name,
 * message and stack trace (so it prints like the original everywhere), its cause chain the same way, and the
 * Java-serialized original, which {@link #deserializeError(ClassLoader)} recreates where its class is known.
 */
public final class SerializedThrowable extends Exception {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String originalMessage;
    private final byte[] serializedOriginal;

    public SerializedThrowable(Throwable original) {
        super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + original.getMessage()),
                original.getCause() == null || original.getCause() == original ? null
                        : new SerializedThrowable(original.getCause()));
        this.originalClassName = original.getClass().getName();
        this.originalMessage = original.getMessage();
        setStackTrace(original.getStackTrace());
        byte[] bytes;
        try {
            bytes = InstantiationUtil.serializeObject(original);
        } catch (IOException | RuntimeException e) {
            bytes = null; // not serializable: the class name, message and stack trace still tell the story
        }
        this.serializedOriginal = bytes;
    }

    /** Wraps {@code t} unless it already is a {@code SerializedThrowable}. */
    public static SerializedThrowable of(Throwable t) {
        return t instanceof SerializedThrowable ? (SerializedThrowable) t : new SerializedThrowable(t);
    }

    public String getOriginalClassName() {
        return originalClassName;
    }

    public String getOriginalMessage() {
        return originalMessage;
    }

    /** The original throwable, if its class can be loaded by {@code classLoader}; else this copy. */
    public Throwable deserializeError(ClassLoader classLoader) {
        if (serializedOriginal == null) {
            return this;
        }
        try {
            return (Throwable) InstantiationUtil.deserializeObject(serializedOriginal, classLoader);
        } catch (Exception | LinkageError e) {
            return this;
        }
    }

    /** Prints as the original: {@code com.acme.BadRecordException: record 17 is malformed}. */
    @Override
    public String toString() {
        return getMessage();
    }
}

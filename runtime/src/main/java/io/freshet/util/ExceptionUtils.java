package io.freshet.util;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Helpers for throwables that are shown to operators. */
public final class ExceptionUtils {

    private ExceptionUtils() {}

    /** The stack trace of {@code t} with its causes, as {@link Throwable#printStackTrace()} prints it. */
    public static String stringifyException(Throwable t) {
        if (t == null) {
            return "(null)";
        }
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

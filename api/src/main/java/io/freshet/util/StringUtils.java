package io.freshet.util;

import java.util.Arrays;

/** String helpers shared by the API's {@code toString} methods. */
public final class StringUtils {

    private StringUtils() {}

    /**
     * Returns {@code String.valueOf(o)}, except that arrays print their elements, as {@link Arrays#toString}
     * does, and arrays nested in object arrays do too: {@code new int[] {1, 2}} prints {@code [1, 2]}.
     */
    public static String arrayAwareToString(Object o) {
        if (o == null || !o.getClass().isArray()) {
            return String.valueOf(o);
        }
        // deepToString formats any array once it is wrapped in an Object[]; strip the wrapper's brackets.
        String wrapped = Arrays.deepToString(new Object[] {o});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}

package io.freshet.api.java.typeutils.runtime;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** Direct field access for the POJO serializer's record path: no reflection checks, no boxing of primitives. */
final class FieldAccess {

    static final Unsafe UNSAFE;

    static {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            UNSAFE = (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Freshet needs sun.misc.Unsafe (module jdk.unsupported): " + e);
        }
    }

    private FieldAccess() {}
}

package io.freshet.api.java.typeutils;

import java.lang.reflect.Type;

import io.freshet.api.common.typeinfo.TypeInformation;

/** Derives {@link TypeInformation} from classes, generic types and function signatures. */
public final class TypeExtractor {

    private TypeExtractor() {}

    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        return createTypeInfo((Type) type);
    }

    public static <T> TypeInformation<T> createTypeInfo(Type type) {
        throw new UnsupportedOperationException("type extraction is being written");
    }
}

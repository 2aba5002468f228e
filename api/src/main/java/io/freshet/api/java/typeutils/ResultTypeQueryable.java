package io.freshet.api.java.typeutils;

import io.freshet.api.common.typeinfo.TypeInformation;

/** Implemented by functions, sources and input formats that know the type they produce. */
public interface ResultTypeQueryable<T> {

    TypeInformation<T> getProducedType();
}

package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class DoubleSerializerTest extends SerializerTestBase<Double> {

    @Override
    protected TypeSerializer<Double> createSerializer() {
        return DoubleSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 8;
    }

    @Override
    protected Class<Double> getTypeClass() {
        return Double.class;
    }

    @Override
    protected Double[] getTestData() {
        return new Double[] {0d, -0d, 1.5, -3.25e200, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }
}

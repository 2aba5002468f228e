package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class FloatSerializerTest extends SerializerTestBase<Float> {

    @Override
    protected TypeSerializer<Float> createSerializer() {
        return FloatSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 4;
    }

    @Override
    protected Class<Float> getTypeClass() {
        return Float.class;
    }

    @Override
    protected Float[] getTestData() {
        return new Float[] {0f, -0f, 1.5f, -3.25e10f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    }
}

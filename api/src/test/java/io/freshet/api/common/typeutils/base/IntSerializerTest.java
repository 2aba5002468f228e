package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class IntSerializerTest extends SerializerTestBase<Integer> {

    @Override
    protected TypeSerializer<Integer> createSerializer() {
        return IntSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 4;
    }

    @Override
    protected Class<Integer> getTypeClass() {
        return Integer.class;
    }

    @Override
    protected Integer[] getTestData() {
        return new Integer[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x12345678, 1000};
    }
}

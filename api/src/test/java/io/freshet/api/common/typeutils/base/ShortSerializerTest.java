package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class ShortSerializerTest extends SerializerTestBase<Short> {

    @Override
    protected TypeSerializer<Short> createSerializer() {
        return ShortSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 2;
    }

    @Override
    protected Class<Short> getTypeClass() {
        return Short.class;
    }

    @Override
    protected Short[] getTestData() {
        return new Short[] {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE, 0x1234};
    }
}

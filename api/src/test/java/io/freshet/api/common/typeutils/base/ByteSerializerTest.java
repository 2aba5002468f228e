package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class ByteSerializerTest extends SerializerTestBase<Byte> {

    @Override
    protected TypeSerializer<Byte> createSerializer() {
        return ByteSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 1;
    }

    @Override
    protected Class<Byte> getTypeClass() {
        return Byte.class;
    }

    @Override
    protected Byte[] getTestData() {
        return new Byte[] {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE, 42};
    }
}

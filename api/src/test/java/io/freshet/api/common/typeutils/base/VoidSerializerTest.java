package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class VoidSerializerTest extends SerializerTestBase<Void> {

    @Override
    protected TypeSerializer<Void> createSerializer() {
        return VoidSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 1;
    }

    @Override
    protected Class<Void> getTypeClass() {
        return Void.class;
    }

    @Override
    protected Void[] getTestData() {
        return new Void[] {null, null, null};
    }
}

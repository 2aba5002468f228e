package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class BooleanSerializerTest extends SerializerTestBase<Boolean> {

    @Override
    protected TypeSerializer<Boolean> createSerializer() {
        return BooleanSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 1;
    }

    @Override
    protected Class<Boolean> getTypeClass() {
        return Boolean.class;
    }

    @Override
    protected Boolean[] getTestData() {
        return new Boolean[] {true, false, Boolean.TRUE, Boolean.FALSE};
    }
}

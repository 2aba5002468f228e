package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class CharSerializerTest extends SerializerTestBase<Character> {

    @Override
    protected TypeSerializer<Character> createSerializer() {
        return CharSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 2;
    }

    @Override
    protected Class<Character> getTypeClass() {
        return Character.class;
    }

    @Override
    protected Character[] getTestData() {
        return new Character[] {'a', '\u0000', '\u007F', '\u0080', '\uD834', '\uDD1E', '\uFFFF'};
    }
}

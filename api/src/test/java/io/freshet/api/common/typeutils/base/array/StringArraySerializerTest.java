package io.freshet.api.common.typeutils.base.array;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class StringArraySerializerTest extends SerializerTestBase<String[]> {

    @Override
    protected TypeSerializer<String[]> createSerializer() {
        return StringArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<String[]> getTypeClass() {
        return String[].class;
    }

    @Override
    protected String[][] getTestData() {
        RandomTestData random = new RandomTestData();
        return new String[][] {{}, {null}, {"a", null, "", "\u00E9"}, random.strings(30, true)};
    }
}

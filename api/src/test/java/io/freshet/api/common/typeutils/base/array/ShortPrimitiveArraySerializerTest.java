package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class ShortPrimitiveArraySerializerTest extends SerializerTestBase<short[]> {

    @Override
    protected TypeSerializer<short[]> createSerializer() {
        return ShortPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<short[]> getTypeClass() {
        return short[].class;
    }

    @Override
    protected short[][] getTestData() {
        Random random = new RandomTestData().random();
        short[] big = new short[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (short) random.nextInt();
        }
        return new short[][] {new short[0], new short[] {0, -1, Short.MIN_VALUE, Short.MAX_VALUE}, new short[1], big};
    }
}

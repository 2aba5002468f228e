package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class CharPrimitiveArraySerializerTest extends SerializerTestBase<char[]> {

    @Override
    protected TypeSerializer<char[]> createSerializer() {
        return CharPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<char[]> getTypeClass() {
        return char[].class;
    }

    @Override
    protected char[][] getTestData() {
        Random random = new RandomTestData().random();
        char[] big = new char[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (char) random.nextInt(0x10000);
        }
        return new char[][] {new char[0], new char[] {'a', '\u0000', '\uFFFF', '\uD834'}, new char[1], big};
    }
}

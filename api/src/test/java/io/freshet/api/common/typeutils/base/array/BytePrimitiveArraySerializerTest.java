package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class BytePrimitiveArraySerializerTest extends SerializerTestBase<byte[]> {

    @Override
    protected TypeSerializer<byte[]> createSerializer() {
        return BytePrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<byte[]> getTypeClass() {
        return byte[].class;
    }

    @Override
    protected byte[][] getTestData() {
        Random random = new RandomTestData().random();
        byte[] big = new byte[1000];
        random.nextBytes(big);
        return new byte[][] {new byte[0], new byte[] {0, -1, 127, -128}, new byte[1], big};
    }
}

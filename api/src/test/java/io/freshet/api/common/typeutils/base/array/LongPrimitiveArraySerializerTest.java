package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class LongPrimitiveArraySerializerTest extends SerializerTestBase<long[]> {

    @Override
    protected TypeSerializer<long[]> createSerializer() {
        return LongPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<long[]> getTypeClass() {
        return long[].class;
    }

    @Override
    protected long[][] getTestData() {
        Random random = new RandomTestData().random();
        long[] big = new long[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextLong();
        }
        return new long[][] {new long[0], new long[] {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE}, new long[1], big};
    }
}

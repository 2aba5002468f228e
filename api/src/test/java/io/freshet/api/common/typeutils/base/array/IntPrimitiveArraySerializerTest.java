package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class IntPrimitiveArraySerializerTest extends SerializerTestBase<int[]> {

    @Override
    protected TypeSerializer<int[]> createSerializer() {
        return IntPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<int[]> getTypeClass() {
        return int[].class;
    }

    @Override
    protected int[][] getTestData() {
        Random random = new RandomTestData().random();
        int[] big = new int[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextInt();
        }
        return new int[][] {new int[0], new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}, new int[1], big};
    }
}

package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class BooleanPrimitiveArraySerializerTest extends SerializerTestBase<boolean[]> {

    @Override
    protected TypeSerializer<boolean[]> createSerializer() {
        return BooleanPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<boolean[]> getTypeClass() {
        return boolean[].class;
    }

    @Override
    protected boolean[][] getTestData() {
        Random random = new RandomTestData().random();
        boolean[] big = new boolean[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextBoolean();
        }
        return new boolean[][] {new boolean[0], new boolean[] {true, false, true}, new boolean[1], big};
    }
}

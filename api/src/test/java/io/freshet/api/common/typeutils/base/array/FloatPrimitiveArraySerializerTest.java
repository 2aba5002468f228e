package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class FloatPrimitiveArraySerializerTest extends SerializerTestBase<float[]> {

    @Override
    protected TypeSerializer<float[]> createSerializer() {
        return FloatPrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<float[]> getTypeClass() {
        return float[].class;
    }

    @Override
    protected float[][] getTestData() {
        Random random = new RandomTestData().random();
        float[] big = new float[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextFloat() * random.nextInt();
        }
        return new float[][] {new float[0], new float[] {0f, -0f, Float.NaN, Float.MAX_VALUE, Float.NEGATIVE_INFINITY}, new float[1], big};
    }
}

package io.freshet.api.common.typeutils.base.array;

import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class DoublePrimitiveArraySerializerTest extends SerializerTestBase<double[]> {

    @Override
    protected TypeSerializer<double[]> createSerializer() {
        return DoublePrimitiveArraySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<double[]> getTypeClass() {
        return double[].class;
    }

    @Override
    protected double[][] getTestData() {
        Random random = new RandomTestData().random();
        double[] big = new double[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextGaussian() * random.nextLong();
        }
        return new double[][] {new double[0], new double[] {0d, -0d, Double.NaN, Double.MAX_VALUE, Double.NEGATIVE_INFINITY}, new double[1], big};
    }
}

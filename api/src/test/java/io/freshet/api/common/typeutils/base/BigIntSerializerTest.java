package io.freshet.api.common.typeutils.base;

import java.math.BigInteger;
import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class BigIntSerializerTest extends SerializerTestBase<BigInteger> {

    @Override
    protected TypeSerializer<BigInteger> createSerializer() {
        return BigIntSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<BigInteger> getTypeClass() {
        return BigInteger.class;
    }

    @Override
    protected BigInteger[] getTestData() {
        Random random = new RandomTestData().random();
        return new BigInteger[] {
            BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN, BigInteger.ONE.negate(), null,
            BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
            new BigInteger(1000, random), new BigInteger(1000, random).negate(), BigInteger.TWO.pow(4096)
        };
    }
}

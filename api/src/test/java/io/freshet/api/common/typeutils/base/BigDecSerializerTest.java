package io.freshet.api.common.typeutils.base;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class BigDecSerializerTest extends SerializerTestBase<BigDecimal> {

    @Override
    protected TypeSerializer<BigDecimal> createSerializer() {
        return BigDecSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<BigDecimal> getTypeClass() {
        return BigDecimal.class;
    }

    @Override
    protected BigDecimal[] getTestData() {
        Random random = new RandomTestData().random();
        return new BigDecimal[] {
            BigDecimal.ZERO, BigDecimal.ONE, null, new BigDecimal("-123.456e-30"), new BigDecimal("1.000"),
            new BigDecimal(new BigInteger(800, random), -random.nextInt(1000)),
            new BigDecimal(new BigInteger(800, random).negate(), Integer.MAX_VALUE),
            BigDecimal.valueOf(Double.MAX_VALUE)
        };
    }
}

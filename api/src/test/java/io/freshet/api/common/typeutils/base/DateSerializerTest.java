package io.freshet.api.common.typeutils.base;

import java.util.Date;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class DateSerializerTest extends SerializerTestBase<Date> {

    @Override
    protected TypeSerializer<Date> createSerializer() {
        return DateSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 9;
    }

    @Override
    protected Class<Date> getTypeClass() {
        return Date.class;
    }

    @Override
    protected Date[] getTestData() {
        return new Date[] {
            new Date(0), new Date(1_700_000_000_123L), null, new Date(-1), new Date(Long.MIN_VALUE),
            new Date(Long.MAX_VALUE), null
        };
    }
}

package io.freshet.api.common.typeutils.base;

import java.time.Instant;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class InstantSerializerTest extends SerializerTestBase<Instant> {

    @Override
    protected TypeSerializer<Instant> createSerializer() {
        return InstantSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 12;
    }

    @Override
    protected Class<Instant> getTypeClass() {
        return Instant.class;
    }

    @Override
    protected Instant[] getTestData() {
        return new Instant[] {
            Instant.EPOCH, Instant.ofEpochSecond(1_700_000_000L, 123_456_789), null, Instant.ofEpochSecond(-1, 999_999_999),
            Instant.MIN, Instant.MAX, null
        };
    }
}

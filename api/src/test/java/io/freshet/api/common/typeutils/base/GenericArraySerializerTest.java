package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataOutputSerializer;

class GenericArraySerializerTest extends SerializerTestBase<Integer[]> {

    @Override
    protected TypeSerializer<Integer[]> createSerializer() {
        return new GenericArraySerializer<>(Integer.class, IntSerializer.INSTANCE);
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Integer[]> getTypeClass() {
        return Integer[].class;
    }

    @Override
    protected Integer[][] getTestData() {
        Integer[] large = new Integer[500];
        for (int i = 0; i < large.length; i++) {
            large[i] = i % 7 == 0 ? null : i * 31;
        }
        return new Integer[][] {{}, {1, null, 3}, {null, null}, {Integer.MIN_VALUE}, large};
    }

    @Test
    void nullArrayIsRejectedNamingTheSerializer() {
        assertThatThrownBy(() -> createSerializer().serialize(null, new DataOutputSerializer(8)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("GenericArraySerializer");
    }

    @Test
    void serializersOfDifferentComponentClassesAreNotEqual() {
        assertThat(new GenericArraySerializer<>(Number.class, new NumberAsIntSerializer()))
                .isNotEqualTo(createSerializer());
    }

    /** Only for the equality test: never used to serialize. */
    private static final class NumberAsIntSerializer extends TypeSerializerSingleton<Number> {
        @Override public boolean isImmutableType() { return true; }
        @Override public Number createInstance() { return 0; }
        @Override public Number copy(Number from) { return from; }
        @Override public Number copy(Number from, Number reuse) { return from; }
        @Override public int getLength() { return 4; }
        @Override public void serialize(Number record, io.freshet.core.memory.DataOutputView target) {}
        @Override public Number deserialize(io.freshet.core.memory.DataInputView source) { return 0; }
        @Override public Number deserialize(Number reuse, io.freshet.core.memory.DataInputView source) { return 0; }
        @Override public void copy(io.freshet.core.memory.DataInputView source, io.freshet.core.memory.DataOutputView target) {}
        @Override public io.freshet.api.common.typeutils.TypeSerializerSnapshot<Number> snapshotConfiguration() { return null; }
    }
}

package io.freshet.api.common.typeutils.base.array;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataOutputSerializer;

class PrimitiveArraySerializersRejectNullTest {

    static Stream<TypeSerializer<?>> serializers() {
        return Stream.of(BooleanPrimitiveArraySerializer.INSTANCE, BytePrimitiveArraySerializer.INSTANCE,
                CharPrimitiveArraySerializer.INSTANCE, ShortPrimitiveArraySerializer.INSTANCE,
                IntPrimitiveArraySerializer.INSTANCE, LongPrimitiveArraySerializer.INSTANCE,
                FloatPrimitiveArraySerializer.INSTANCE, DoublePrimitiveArraySerializer.INSTANCE,
                StringArraySerializer.INSTANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serializers")
    void nullArrayFailsWithMessageNamingTheSerializer(TypeSerializer<Object> serializer) {
        assertThatThrownBy(() -> serializer.serialize(null, new DataOutputSerializer(8)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(serializer.getClass().getSimpleName())
                .hasMessageContaining("null");
    }
}

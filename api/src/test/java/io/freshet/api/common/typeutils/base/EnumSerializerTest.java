package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

class EnumSerializerTest extends SerializerTestBase<EnumSerializerTest.Color> {

    enum Color { RED, GREEN, BLUE }

    @Override
    protected TypeSerializer<Color> createSerializer() {
        return new EnumSerializer<>(Color.class);
    }

    @Override
    protected int getLength() {
        return 4;
    }

    @Override
    protected Class<Color> getTypeClass() {
        return Color.class;
    }

    @Override
    protected Color[] getTestData() {
        return new Color[] {Color.RED, Color.BLUE, Color.GREEN, Color.RED};
    }

    @Test
    void writesTheOrdinalAsAnInt() throws IOException {
        assertThat(serialize(createSerializer(), Color.BLUE)).containsExactly(0, 0, 0, 2);
    }

    @Test
    void serializersOfDifferentEnumsAreNotEqual() {
        assertThat(new EnumSerializer<>(Color.class)).isNotEqualTo(new EnumSerializer<>(OtherEnum.class));
    }

    enum OtherEnum { RED }
}

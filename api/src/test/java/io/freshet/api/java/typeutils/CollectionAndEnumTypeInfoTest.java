package io.freshet.api.java.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.BasicArrayTypeInfo;
import io.freshet.api.common.typeinfo.BasicTypeInfo;
import io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.base.EnumSerializer;
import io.freshet.api.common.typeutils.base.GenericArraySerializer;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.ListSerializer;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.MapSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.common.typeutils.base.array.IntPrimitiveArraySerializer;

class CollectionAndEnumTypeInfoTest {

    enum Direction { NORTH, SOUTH }

    enum Other { NORTH }

    // ---- enums ----

    @Test
    void enumTypeInfoIsAnAtomicKey() {
        EnumTypeInfo<Direction> info = new EnumTypeInfo<>(Direction.class);
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.isTupleType()).isFalse();
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.isKeyType()).isTrue();
        assertThat(info.getTypeClass()).isEqualTo(Direction.class);
        assertThat(info).hasToString("EnumTypeInfo<" + Direction.class.getName() + ">");
        assertThat(info.createSerializer(new ExecutionConfig())).isEqualTo(new EnumSerializer<>(Direction.class));
    }

    @Test
    void enumTypeInfosAreEqualForTheSameEnum() {
        assertThat(new EnumTypeInfo<>(Direction.class)).isEqualTo(new EnumTypeInfo<>(Direction.class))
                .hasSameHashCodeAs(new EnumTypeInfo<>(Direction.class))
                .isNotEqualTo(new EnumTypeInfo<>(Other.class));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void enumTypeInfoRejectsNonEnums() {
        assertThatThrownBy(() -> new EnumTypeInfo(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- object arrays ----

    @Test
    void objectArrayInfoFromComponentInfoDerivesTheArrayClass() {
        TypeInformation<int[]> component = PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO;
        ObjectArrayTypeInfo<int[][], int[]> info = ObjectArrayTypeInfo.getInfoFor(component);
        assertThat(info.getTypeClass()).isEqualTo(int[][].class);
        assertThat(info.getComponentInfo()).isSameAs(component);
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info).hasToString("ObjectArrayTypeInfo<int[]>");
        assertThat(info).isEqualTo(ObjectArrayTypeInfo.getInfoFor(int[][].class, component))
                .hasSameHashCodeAs(ObjectArrayTypeInfo.getInfoFor(int[][].class, component));
        assertThat(info.createSerializer(new ExecutionConfig()))
                .isEqualTo(new GenericArraySerializer<>(int[].class, IntPrimitiveArraySerializer.INSTANCE));
    }

    @Test
    void objectArrayInfoRejectsNonArrayClass() {
        assertThatThrownBy(() -> ObjectArrayTypeInfo.getInfoFor(String.class, BasicTypeInfo.STRING_TYPE_INFO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectArrayInfoDiffersFromBasicArrayInfoOfTheSameClass() {
        ObjectArrayTypeInfo<Integer[], Integer> objects = ObjectArrayTypeInfo.getInfoFor(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(objects.getTypeClass()).isEqualTo(Integer[].class);
        assertThat((Object) objects).isNotEqualTo(BasicArrayTypeInfo.INT_ARRAY_TYPE_INFO);
        assertThat(objects.createSerializer(new ExecutionConfig()))
                .isEqualTo(new GenericArraySerializer<>(Integer.class, IntSerializer.INSTANCE));
    }

    // ---- lists and maps ----

    @Test
    void listTypeInfoIsAnOpaqueNonKeyField() {
        ListTypeInfo<String> info = new ListTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.isTupleType()).isFalse();
        assertThat(info.getArity()).isZero();
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.getTypeClass()).isEqualTo(List.class);
        assertThat(info.getElementTypeInfo()).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(info).hasToString("List<String>");
        assertThat(info.createSerializer(new ExecutionConfig())).isEqualTo(new ListSerializer<>(StringSerializer.INSTANCE));
    }

    @Test
    void listTypeInfosAreEqualForEqualElementTypes() {
        assertThat(new ListTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO))
                .isEqualTo(new ListTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO))
                .hasSameHashCodeAs(new ListTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO))
                .isNotEqualTo(new ListTypeInfo<>(BasicTypeInfo.LONG_TYPE_INFO));
    }

    @Test
    void mapTypeInfoIsAnOpaqueNonKeyField() {
        MapTypeInfo<String, Long> info = new MapTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.getArity()).isZero();
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.getTypeClass()).isEqualTo(Map.class);
        assertThat(info.getKeyTypeInfo()).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(info.getValueTypeInfo()).isSameAs(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(info).hasToString("Map<String, Long>");
        assertThat(info.createSerializer(new ExecutionConfig()))
                .isEqualTo(new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE));
    }

    @Test
    void mapTypeInfosAreEqualForEqualKeyAndValueTypes() {
        assertThat(new MapTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO))
                .isEqualTo(new MapTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO))
                .hasSameHashCodeAs(new MapTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO))
                .isNotEqualTo(new MapTypeInfo<>(BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO));
    }
}

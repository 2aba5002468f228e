package io.freshet.api.common.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.GenericArraySerializer;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.StringArraySerializer;

class ArrayTypeInfoTest {

    // ---- primitive arrays ----

    @Test
    void primitiveArrayGetInfoForFindsEachConstant() {
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(boolean[].class)).isSameAs(PrimitiveArrayTypeInfo.BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(byte[].class)).isSameAs(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(short[].class)).isSameAs(PrimitiveArrayTypeInfo.SHORT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(int[].class)).isSameAs(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(long[].class)).isSameAs(PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(float[].class)).isSameAs(PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(double[].class)).isSameAs(PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(char[].class)).isSameAs(PrimitiveArrayTypeInfo.CHAR_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.getInfoFor(Integer[].class)).isNull();
    }

    @Test
    void primitiveArrayGetInfoForRejectsNonArrays() {
        assertThatThrownBy(() -> PrimitiveArrayTypeInfo.getInfoFor(int.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("not an array");
    }

    @Test
    void primitiveArraysAreAtomicKeysWithBasicComponentType() {
        PrimitiveArrayTypeInfo<int[]> info = PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO;
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.isTupleType()).isFalse();
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.isKeyType()).isTrue();
        assertThat(info.getTypeClass()).isEqualTo(int[].class);
        assertThat(info.getComponentClass()).isEqualTo(int.class);
        assertThat(info.getComponentType()).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(info).hasToString("int[]");
        assertThat(info.createSerializer(new ExecutionConfig())).isSameAs(IntPrimitiveArraySerializer.INSTANCE);
    }

    @Test
    void primitiveArrayInfosAreEqualOnlyForTheSameArrayClass() {
        assertThat(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO).isEqualTo(PrimitiveArrayTypeInfo.getInfoFor(int[].class));
        assertThat(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO).isNotEqualTo(PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO).isNotEqualTo(BasicArrayTypeInfo.INT_ARRAY_TYPE_INFO);
    }

    // ---- arrays of basic types ----

    @Test
    void basicArrayGetInfoForFindsEachConstant() {
        assertThat(BasicArrayTypeInfo.getInfoFor(String[].class)).isSameAs(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
        assertThat(BasicArrayTypeInfo.getInfoFor(Integer[].class)).isSameAs(BasicArrayTypeInfo.INT_ARRAY_TYPE_INFO);
        assertThat(BasicArrayTypeInfo.getInfoFor(Boolean[].class)).isSameAs(BasicArrayTypeInfo.BOOLEAN_ARRAY_TYPE_INFO);
        assertThat(BasicArrayTypeInfo.getInfoFor(Character[].class)).isSameAs(BasicArrayTypeInfo.CHAR_ARRAY_TYPE_INFO);
        assertThat(BasicArrayTypeInfo.getInfoFor(int[].class)).isNull();
        assertThatThrownBy(() -> BasicArrayTypeInfo.getInfoFor(String.class)).isInstanceOf(InvalidTypesException.class);
    }

    @Test
    void basicArraysAreNotKeysAndDescribeTheirComponent() {
        BasicArrayTypeInfo<Integer[], Integer> info = BasicArrayTypeInfo.INT_ARRAY_TYPE_INFO;
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.getTypeClass()).isEqualTo(Integer[].class);
        assertThat(info.getComponentTypeClass()).isEqualTo(Integer.class);
        assertThat(info.getComponentInfo()).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(info).hasToString("BasicArrayTypeInfo<Integer>");
    }

    @Test
    void stringArraysUseTheStringArraySerializerAndOthersTheGenericOne() {
        assertThat(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO.createSerializer(new ExecutionConfig()))
                .isSameAs(StringArraySerializer.INSTANCE);
        TypeSerializer<Integer[]> ints = BasicArrayTypeInfo.INT_ARRAY_TYPE_INFO.createSerializer(new ExecutionConfig());
        assertThat(ints).isEqualTo(new GenericArraySerializer<>(Integer.class, IntSerializer.INSTANCE));
    }
}

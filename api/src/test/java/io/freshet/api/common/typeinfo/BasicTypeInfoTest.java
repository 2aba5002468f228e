package io.freshet.api.common.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;

class BasicTypeInfoTest {

    @Test
    void getInfoForMapsEachBasicClassToItsConstant() {
        assertThat(BasicTypeInfo.getInfoFor(String.class)).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Boolean.class)).isSameAs(BasicTypeInfo.BOOLEAN_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Byte.class)).isSameAs(BasicTypeInfo.BYTE_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Short.class)).isSameAs(BasicTypeInfo.SHORT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Integer.class)).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Long.class)).isSameAs(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Float.class)).isSameAs(BasicTypeInfo.FLOAT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Double.class)).isSameAs(BasicTypeInfo.DOUBLE_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Character.class)).isSameAs(BasicTypeInfo.CHAR_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Date.class)).isSameAs(BasicTypeInfo.DATE_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Void.class)).isSameAs(BasicTypeInfo.VOID_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(BigInteger.class)).isSameAs(BasicTypeInfo.BIG_INT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(BigDecimal.class)).isSameAs(BasicTypeInfo.BIG_DEC_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Instant.class)).isSameAs(BasicTypeInfo.INSTANT_TYPE_INFO);
    }

    @Test
    void getInfoForMapsPrimitiveClassesToTheirBoxedInfo() {
        assertThat(BasicTypeInfo.getInfoFor(int.class)).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(long.class)).isSameAs(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(boolean.class)).isSameAs(BasicTypeInfo.BOOLEAN_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(char.class)).isSameAs(BasicTypeInfo.CHAR_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(double.class)).isSameAs(BasicTypeInfo.DOUBLE_TYPE_INFO);
    }

    @Test
    void getInfoForReturnsNullForNonBasicClassesAndRejectsNull() {
        assertThat(BasicTypeInfo.getInfoFor(Object.class)).isNull();
        assertThat(BasicTypeInfo.getInfoFor(int[].class)).isNull();
        assertThatThrownBy(() -> BasicTypeInfo.getInfoFor(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringIsTheSimpleClassName() {
        assertThat(BasicTypeInfo.STRING_TYPE_INFO).hasToString("String");
        assertThat(BasicTypeInfo.INT_TYPE_INFO).hasToString("Integer");
        assertThat(BasicTypeInfo.BIG_DEC_TYPE_INFO).hasToString("BigDecimal");
    }

    @Test
    void basicTypesAreAtomicKeysExceptVoid() {
        BasicTypeInfo<Integer> info = BasicTypeInfo.INT_TYPE_INFO;
        assertThat(info.isBasicType()).isTrue();
        assertThat(info.isTupleType()).isFalse();
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.getTotalFields()).isEqualTo(1);
        assertThat(info.getTypeClass()).isEqualTo(Integer.class);
        assertThat(info.isKeyType()).isTrue();
        assertThat(info.isSortKeyType()).isTrue();
        assertThat(BasicTypeInfo.STRING_TYPE_INFO.isKeyType()).isTrue();
        assertThat(BasicTypeInfo.VOID_TYPE_INFO.isKeyType()).isFalse();
    }

    @Test
    void numericTypesHaveTheirSubclasses() {
        assertThat(BasicTypeInfo.INT_TYPE_INFO).isInstanceOf(IntegerTypeInfo.class);
        assertThat(BasicTypeInfo.BYTE_TYPE_INFO).isInstanceOf(IntegerTypeInfo.class);
        assertThat(BasicTypeInfo.DOUBLE_TYPE_INFO).isInstanceOf(FractionalTypeInfo.class);
        assertThat(BasicTypeInfo.FLOAT_TYPE_INFO).isInstanceOf(NumericTypeInfo.class);
        assertThat(BasicTypeInfo.STRING_TYPE_INFO).isNotInstanceOf(NumericTypeInfo.class);
    }

    @Test
    void narrowerNumbersAutocastToWiderOnes() {
        assertThat(BasicTypeInfo.INT_TYPE_INFO.shouldAutocastTo(BasicTypeInfo.LONG_TYPE_INFO)).isTrue();
        assertThat(BasicTypeInfo.LONG_TYPE_INFO.shouldAutocastTo(BasicTypeInfo.INT_TYPE_INFO)).isFalse();
        assertThat(BasicTypeInfo.FLOAT_TYPE_INFO.shouldAutocastTo(BasicTypeInfo.DOUBLE_TYPE_INFO)).isTrue();
    }

    @Test
    void equalityFollowsTheTypeClass() {
        assertThat(BasicTypeInfo.INT_TYPE_INFO).isEqualTo(BasicTypeInfo.getInfoFor(int.class));
        assertThat(BasicTypeInfo.INT_TYPE_INFO).isNotEqualTo(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(BasicTypeInfo.INT_TYPE_INFO.hashCode()).isEqualTo(BasicTypeInfo.getInfoFor(Integer.class).hashCode());
        assertThat(BasicTypeInfo.INT_TYPE_INFO.canEqual(BasicTypeInfo.STRING_TYPE_INFO)).isTrue();
        assertThat(BasicTypeInfo.INT_TYPE_INFO.canEqual("Integer")).isFalse();
    }

    @Test
    void createsTheSingletonSerializers() {
        assertThat(BasicTypeInfo.STRING_TYPE_INFO.createSerializer(new ExecutionConfig())).isSameAs(StringSerializer.INSTANCE);
        assertThat(BasicTypeInfo.INT_TYPE_INFO.createSerializer(new ExecutionConfig().getSerializerConfig()))
                .isSameAs(IntSerializer.INSTANCE);
    }
}

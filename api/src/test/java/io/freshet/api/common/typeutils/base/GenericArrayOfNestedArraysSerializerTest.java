package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Date;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.array.StringArraySerializer;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/** Arrays whose components are themselves arrays (mutable, nullable): {@code String[][]}. */
class GenericArrayOfNestedArraysSerializerTest extends SerializerTestBase<String[][]> {

    @Override
    protected TypeSerializer<String[][]> createSerializer() {
        return new GenericArraySerializer<>(String[].class, StringArraySerializer.INSTANCE);
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<String[][]> getTypeClass() {
        return String[][].class;
    }

    @Override
    protected String[][][] getTestData() {
        RandomTestData random = new RandomTestData();
        return new String[][][] {
            {}, {null}, {{}, {"a", null}, null, random.strings(10, true)}, {random.strings(3, false)}
        };
    }

    @Test
    void copyDoesNotShareComponentArrays() {
        String[][] original = {{"a"}};
        String[][] copy = createSerializer().copy(original);
        original[0][0] = "changed";
        assertThat(copy[0][0]).isEqualTo("a");
    }

    @Test
    void snapshotWithAnotherComponentClassIsIncompatible() throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<String[][]> dates = (TypeSerializerSnapshot) writeAndRead(
                new GenericArraySerializer<>(Date.class, DateSerializer.INSTANCE).snapshotConfiguration());

        TypeSerializerSchemaCompatibility<String[][]> result =
                createSerializer().snapshotConfiguration().resolveSchemaCompatibility(dates);

        assertThat(result.isIncompatible()).isTrue();
    }

    private static <T> TypeSerializerSnapshot<T> writeAndRead(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), GenericArrayOfNestedArraysSerializerTest.class.getClassLoader());
    }
}

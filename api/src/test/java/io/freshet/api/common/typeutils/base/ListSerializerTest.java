package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputDeserializer;

class ListSerializerTest extends SerializerTestBase<List<String>> {

    @Override
    protected TypeSerializer<List<String>> createSerializer() {
        return new ListSerializer<>(StringSerializer.INSTANCE);
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Class<List<String>> getTypeClass() {
        return (Class<List<String>>) (Class<?>) List.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<String>[] getTestData() {
        RandomTestData random = new RandomTestData();
        return (List<String>[]) new List<?>[] {
            new ArrayList<String>(),
            Collections.singletonList("one"),
            Arrays.asList("a", null, "\u00E9\uD83D\uDE00", ""),
            new LinkedList<>(Arrays.asList(random.strings(20, true))),
            new ArrayList<>(Arrays.asList(random.strings(200, false)))
        };
    }

    @Test
    void deserializesIntoArrayList() throws IOException {
        TypeSerializer<List<String>> serializer = createSerializer();
        List<String> read = serializer.deserialize(
                new DataInputDeserializer(serialize(serializer, new LinkedList<>(List.of("x", "y")))));
        assertThat(read).isInstanceOf(ArrayList.class).containsExactly("x", "y");
    }

    @Test
    void duplicateOfStatelessElementSerializerIsTheSameSerializer() {
        TypeSerializer<List<String>> serializer = createSerializer();
        assertThat(serializer.duplicate()).isSameAs(serializer);
    }
}

package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputDeserializer;

class MapSerializerTest extends SerializerTestBase<Map<String, Long>> {

    @Override
    protected TypeSerializer<Map<String, Long>> createSerializer() {
        return new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE);
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Class<Map<String, Long>> getTypeClass() {
        return (Class<Map<String, Long>>) (Class<?>) Map.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, Long>[] getTestData() {
        RandomTestData data = new RandomTestData();
        Random random = data.random();
        Map<String, Long> withNullValues = new HashMap<>();
        withNullValues.put("present", 1L);
        withNullValues.put("absent", null);
        withNullValues.put("", Long.MIN_VALUE);
        Map<String, Long> large = new HashMap<>();
        for (String key : data.strings(100, false)) {
            large.put(key, random.nextInt(10) == 0 ? null : random.nextLong());
        }
        Map<String, Long> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L));
        return (Map<String, Long>[]) new Map<?, ?>[] {new HashMap<String, Long>(), withNullValues, large, sorted};
    }

    @Test
    void nullValueIsAFlagByteWithoutValueBytes() throws IOException {
        Map<String, Long> map = new HashMap<>();
        map.put("k", null);
        // size (4), key "k" (2), null flag (1)
        byte[] bytes = serialize(createSerializer(), map);
        assertThat(bytes).hasSize(7);
        Map<String, Long> read = createSerializer().deserialize(new DataInputDeserializer(bytes));
        assertThat(read).isInstanceOf(HashMap.class).containsEntry("k", null).hasSize(1);
    }
}

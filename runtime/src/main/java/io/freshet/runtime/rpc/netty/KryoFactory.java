package io.freshet.runtime.rpc.netty;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The Kryo setup of RPC messages, as a thread-safe pool of Kryo instances.
 *
 * <p>Any class may travel without registration (arguments and results are value objects of the runtime and of
 * user jobs). Classes without a no-argument constructor are created through Objenesis. Throwables are written with
 * Java serialization, the only place it is used: that is how an exception keeps its class, message, cause and
 * stack trace across the wire. The JDK's unmodifiable and fixed-size collections ({@code List.of},
 * {@code Collections.unmodifiableList}, {@code Arrays.asList}, ...) cannot be rebuilt field by field under the
 * module system, so they are written as their elements and read back as equal collections of the same kind.
 */
final class KryoFactory {

    private KryoFactory() {}

    static Pool<Kryo> createPool(ClassLoader classLoader) {
        return new Pool<>(true, false, 32) {
            @Override
            protected Kryo create() {
                return createKryo(classLoader);
            }
        };
    }

    static Kryo createKryo(ClassLoader classLoader) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setClassLoader(classLoader);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.addDefaultSerializer(Throwable.class, new JavaSerializer());
        // JDK value types whose fields are closed to reflection and that Kryo does not cover by default.
        kryo.addDefaultSerializer(java.util.UUID.class, new DefaultSerializers.UUIDSerializer());
        kryo.addDefaultSerializer(java.net.URI.class, new DefaultSerializers.URISerializer());
        kryo.addDefaultSerializer(java.util.regex.Pattern.class, new DefaultSerializers.PatternSerializer());

        Serializer<List<Object>> immutableList = listSerializer(KryoFactory::immutableList);
        Serializer<List<Object>> unmodifiableList =
                listSerializer(elements -> Collections.unmodifiableList(new ArrayList<>(elements)));
        Serializer<Set<Object>> immutableSet = setSerializer(elements -> Set.copyOf(elements));
        Serializer<Set<Object>> unmodifiableSet =
                setSerializer(elements -> Collections.unmodifiableSet(new LinkedHashSet<>(elements)));
        Serializer<Map<Object, Object>> immutableMap = mapSerializer(Map::copyOf);
        Serializer<Map<Object, Object>> unmodifiableMap = mapSerializer(Collections::unmodifiableMap);

        kryo.addDefaultSerializer(List.of().getClass(), immutableList);
        kryo.addDefaultSerializer(List.of(1).getClass(), immutableList);
        kryo.addDefaultSerializer(List.of(1, 2, 3).getClass(), immutableList);
        kryo.addDefaultSerializer(List.of(1, 2, 3).subList(0, 1).getClass(), immutableList);
        kryo.addDefaultSerializer(Set.of().getClass(), immutableSet);
        kryo.addDefaultSerializer(Set.of(1).getClass(), immutableSet);
        kryo.addDefaultSerializer(Set.of(1, 2, 3).getClass(), immutableSet);
        kryo.addDefaultSerializer(Map.of().getClass(), immutableMap);
        kryo.addDefaultSerializer(Map.of(1, 1).getClass(), immutableMap);
        kryo.addDefaultSerializer(Map.of(1, 1, 2, 2).getClass(), immutableMap);
        kryo.addDefaultSerializer(Arrays.asList(1).getClass(), listSerializer(elements -> Arrays.asList(elements.toArray())));
        kryo.addDefaultSerializer(Collections.unmodifiableList(new ArrayList<>()).getClass(), unmodifiableList);
        kryo.addDefaultSerializer(Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(), unmodifiableList);
        kryo.addDefaultSerializer(Collections.unmodifiableCollection(new ArrayList<>()).getClass(), unmodifiableList);
        kryo.addDefaultSerializer(Collections.unmodifiableSet(new LinkedHashSet<>()).getClass(), unmodifiableSet);
        kryo.addDefaultSerializer(Collections.unmodifiableMap(new LinkedHashMap<>()).getClass(), unmodifiableMap);
        return kryo;
    }

    /** {@code List.of} rejects nulls, but {@code Stream.toList()} produces immutable lists that may hold them. */
    private static List<Object> immutableList(List<Object> elements) {
        return elements.contains(null) ? Collections.unmodifiableList(elements) : List.copyOf(elements);
    }

    private static <L extends List<Object>> Serializer<L> listSerializer(Function<List<Object>, List<Object>> factory) {
        return new ElementsSerializer<>(false) {
            @Override
            @SuppressWarnings("unchecked")
            L build(List<Object> elements) {
                return (L) factory.apply(elements);
            }
        };
    }

    private static <S extends Set<Object>> Serializer<S> setSerializer(Function<List<Object>, Set<Object>> factory) {
        return new ElementsSerializer<>(false) {
            @Override
            @SuppressWarnings("unchecked")
            S build(List<Object> elements) {
                return (S) factory.apply(elements);
            }
        };
    }

    private static <M extends Map<Object, Object>> Serializer<M> mapSerializer(
            Function<Map<Object, Object>, Map<Object, Object>> factory) {
        return new ElementsSerializer<>(true) {
            @Override
            @SuppressWarnings("unchecked")
            M build(List<Object> keysAndValues) {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < keysAndValues.size(); i += 2) {
                    map.put(keysAndValues.get(i), keysAndValues.get(i + 1));
                }
                return (M) factory.apply(map);
            }
        };
    }

    /** Writes a collection or map as its elements (keys and values alternating) and rebuilds it on read. */
    private abstract static class ElementsSerializer<T> extends Serializer<T> {

        private final boolean isMap;

        ElementsSerializer(boolean isMap) {
            super(false, true);
            this.isMap = isMap;
        }

        abstract T build(List<Object> elements);

        @Override
        public void write(Kryo kryo, Output output, T object) {
            if (isMap) {
                Map<?, ?> map = (Map<?, ?>) object;
                output.writeVarInt(map.size() * 2, true);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    kryo.writeClassAndObject(output, entry.getKey());
                    kryo.writeClassAndObject(output, entry.getValue());
                }
            } else {
                Collection<?> collection = (Collection<?>) object;
                output.writeVarInt(collection.size(), true);
                for (Object element : collection) {
                    kryo.writeClassAndObject(output, element);
                }
            }
        }

        @Override
        public T read(Kryo kryo, Input input, Class<? extends T> type) {
            int size = input.readVarInt(true);
            List<Object> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(kryo.readClassAndObject(input));
            }
            return build(elements);
        }
    }

}

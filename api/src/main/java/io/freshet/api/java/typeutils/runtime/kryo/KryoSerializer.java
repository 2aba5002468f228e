package io.freshet.api.java.typeutils.runtime.kryo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;

import org.objenesis.strategy.StdInstantiatorStrategy;

import io.freshet.api.common.ExecutionConfig.SerializableSerializer;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes types Freshet does not know with Kryo 5: the fallback for generic types.
 *
 * <p>Format: an int length (-1 for null), then Kryo's bytes of the object: for a final class the object alone,
 * otherwise its class (a value may be of any subclass or implementation of the declared type) and the object. The length prefix lets records be copied and skipped without Kryo. Kryo registrations are
 * applied in a fixed order (types with serializer instances, types with serializer classes, plain types), so the
 * same configuration gives the same class ids in every process; the snapshot remembers that order so restored
 * state reads with the ids it was written with.
 *
 * <p>Kryo is not thread-safe: every {@link #duplicate()} gets its own Kryo instance.
 */
public class KryoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;
    private static final int INITIAL_BUFFER = 256;

    private final Class<T> type;
    /** Registrations in id order: class name → Kryo serializer class or instance (null = default serializer). */
    private final LinkedHashMap<Class<?>, Object> registrations;
    private final LinkedHashMap<Class<?>, Object> defaultSerializers;

    /** True when values are always exactly of {@link #type}, so Kryo need not write their class. */
    private final boolean exactType;

    private transient Kryo kryo;
    private transient Output output;
    private transient Input input;
    private transient byte[] readBuffer;

    public KryoSerializer(Class<T> type, SerializerConfig config) {
        this(type, registrationsOf(config), defaultSerializersOf(config));
    }

    private KryoSerializer(Class<T> type, LinkedHashMap<Class<?>, Object> registrations,
            LinkedHashMap<Class<?>, Object> defaultSerializers) {
        this.type = Objects.requireNonNull(type, "type");
        this.exactType = java.lang.reflect.Modifier.isFinal(type.getModifiers()) && !type.isArray()
                || type.isPrimitive();
        this.registrations = registrations;
        this.defaultSerializers = defaultSerializers;
    }

    public Class<T> getType() {
        return type;
    }

    // ---- TypeSerializer ----

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public KryoSerializer<T> duplicate() {
        return new KryoSerializer<>(type, registrations, defaultSerializers);
    }

    @Override
    public T createInstance() {
        if (java.lang.reflect.Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return null;
        }
        try {
            return kryo().newInstance(type);
        } catch (KryoException e) {
            return null;
        }
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        try {
            return kryo().copy(from);
        } catch (KryoException e) {
            // Some types cannot be copied by Kryo directly; a round trip through bytes always works.
            Output out = output();
            out.reset();
            kryo().writeClassAndObject(out, from);
            return type.cast(kryo().readClassAndObject(new Input(out.getBuffer(), 0, out.position())));
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        Output out = output();
        out.reset();
        try {
            if (exactType) {
                kryo().writeObject(out, record);
            } else {
                kryo().writeClassAndObject(out, record);
            }
        } catch (KryoException e) {
            throw new IOException("Kryo could not serialize a " + record.getClass().getName() + " (as type "
                    + type.getName() + "): " + e.getMessage()
                    + ". Register a custom Kryo serializer with ExecutionConfig#registerTypeWithKryoSerializer or"
                    + " make the type a POJO.", e);
        }
        target.writeInt(out.position());
        target.write(out.getBuffer(), 0, out.position());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            return null;
        }
        byte[] buffer = readBuffer(length);
        source.readFully(buffer, 0, length);
        Input in = input();
        in.setBuffer(buffer, 0, length);
        try {
            return exactType ? kryo().readObject(in, type) : type.cast(kryo().readClassAndObject(in));
        } catch (KryoException | ClassCastException e) {
            throw new IOException("Kryo could not deserialize a " + type.getName() + ": " + e.getMessage()
                    + ". Was the state written with other Kryo registrations or another version of the class?", e);
        }
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        if (length > 0) {
            target.write(source, length);
        }
    }

    // ---- Kryo ----

    private Kryo kryo() {
        if (kryo == null) {
            kryo = createKryo(type, registrations, defaultSerializers);
        }
        return kryo;
    }

    private Output output() {
        if (output == null) {
            output = new Output(INITIAL_BUFFER, -1);
        }
        return output;
    }

    private Input input() {
        if (input == null) {
            input = new Input();
        }
        return input;
    }

    private byte[] readBuffer(int length) {
        if (readBuffer == null || readBuffer.length < length) {
            readBuffer = new byte[Math.max(length, INITIAL_BUFFER)];
        }
        return readBuffer;
    }

    private static Kryo createKryo(Class<?> type, Map<Class<?>, Object> registrations,
            Map<Class<?>, Object> defaultSerializers) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        kryo.setClassLoader(classLoader != null ? classLoader : type.getClassLoader());
        for (Map.Entry<Class<?>, Object> entry : defaultSerializers.entrySet()) {
            Object serializer = privateCopy(entry.getValue());
            if (serializer instanceof Class) {
                kryo.addDefaultSerializer(entry.getKey(), asSerializerClass(serializer));
            } else {
                kryo.addDefaultSerializer(entry.getKey(), (Serializer<?>) serializer);
            }
        }
        for (Map.Entry<Class<?>, Object> entry : registrations.entrySet()) {
            Object serializer = privateCopy(entry.getValue());
            if (serializer == null) {
                kryo.register(entry.getKey());
            } else if (serializer instanceof Class) {
                kryo.register(entry.getKey(), instantiate(asSerializerClass(serializer), kryo, entry.getKey()));
            } else {
                kryo.register(entry.getKey(), (Serializer<?>) serializer);
            }
        }
        return kryo;
    }

    /**
     * Kryo serializer instances may keep scratch state, and every Kryo (one per duplicate, one per thread) must
     * have its own: instances are copied through Java serialization (they are required to be Serializable).
     */
    private static Object privateCopy(Object serializer) {
        if (serializer == null || serializer instanceof Class) {
            return serializer;
        }
        return SerializableCopies.copy(serializer);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Serializer<?>> asSerializerClass(Object value) {
        return (Class<? extends Serializer<?>>) value;
    }

    private static Serializer<?> instantiate(Class<? extends Serializer<?>> serializerClass, Kryo kryo, Class<?> type) {
        try {
            return serializerClass.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            try {
                return serializerClass.getDeclaredConstructor(Kryo.class, Class.class).newInstance(kryo, type);
            } catch (ReflectiveOperationException e2) {
                throw new IllegalArgumentException("Kryo serializer " + serializerClass.getName() + " for "
                        + type.getName() + " needs a public no-argument constructor", e2);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot instantiate Kryo serializer " + serializerClass.getName()
                    + " for " + type.getName() + ": " + e, e);
        }
    }

    private static LinkedHashMap<Class<?>, Object> registrationsOf(SerializerConfig config) {
        LinkedHashMap<Class<?>, Object> registrations = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, SerializableSerializer<?>> entry : config.getRegisteredTypesWithKryoSerializers().entrySet()) {
            registrations.put(entry.getKey(), entry.getValue().getSerializer());
        }
        for (Map.Entry<Class<?>, Class<? extends Serializer<?>>> entry
                : config.getRegisteredTypesWithKryoSerializerClasses().entrySet()) {
            registrations.putIfAbsent(entry.getKey(), entry.getValue());
        }
        for (Class<?> registered : config.getRegisteredKryoTypes()) {
            registrations.putIfAbsent(registered, null);
        }
        return registrations;
    }

    private static LinkedHashMap<Class<?>, Object> defaultSerializersOf(SerializerConfig config) {
        LinkedHashMap<Class<?>, Object> defaults = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, SerializableSerializer<?>> entry : config.getDefaultKryoSerializers().entrySet()) {
            defaults.put(entry.getKey(), entry.getValue().getSerializer());
        }
        for (Map.Entry<Class<?>, Class<? extends Serializer<?>>> entry
                : config.getDefaultKryoSerializerClasses().entrySet()) {
            defaults.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return defaults;
    }

    // ---- identity ----

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof KryoSerializer)) {
            return false;
        }
        KryoSerializer<?> other = (KryoSerializer<?>) obj;
        return type == other.type && registrationNames(registrations).equals(registrationNames(other.registrations))
                && registrationNames(defaultSerializers).equals(registrationNames(other.defaultSerializers));
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + registrationNames(registrations).hashCode();
    }

    @Override
    public String toString() {
        return "KryoSerializer<" + type.getName() + ">";
    }

    /** Class name → serializer class name ("" when Kryo's default serializer is used). */
    private static List<String> registrationNames(Map<Class<?>, Object> registrations) {
        List<String> names = new ArrayList<>(registrations.size() * 2);
        for (Map.Entry<Class<?>, Object> entry : registrations.entrySet()) {
            names.add(entry.getKey().getName());
            Object serializer = entry.getValue();
            names.add(serializer == null ? "" : serializer instanceof Class ? ((Class<?>) serializer).getName()
                    : serializer.getClass().getName());
        }
        return names;
    }

    // ---- snapshot ----

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new KryoSerializerSnapshot<>(this);
    }

    /**
     * Snapshot of a {@link KryoSerializer}: the type and the registrations in id order. A new serializer is
     * compatible as is when its registrations equal the old ones; when it registers more or other classes, the
     * restored serializer keeps the old registrations first (so old class ids still mean the same) and appends
     * the new ones.
     */
    public static final class KryoSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

        private static final int VERSION = 1;

        private Class<T> type;
        private LinkedHashMap<Class<?>, Object> registrations;
        private LinkedHashMap<Class<?>, Object> defaultSerializers;

        public KryoSerializerSnapshot() {}

        KryoSerializerSnapshot(KryoSerializer<T> serializer) {
            this.type = serializer.type;
            this.registrations = serializer.registrations;
            this.defaultSerializers = serializer.defaultSerializers;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
            writeRegistrations(out, registrations);
            writeRegistrations(out, defaultSerializers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("KryoSerializerSnapshot cannot read snapshot version " + readVersion);
            }
            type = (Class<T>) TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
            registrations = readRegistrations(in, classLoader);
            defaultSerializers = readRegistrations(in, classLoader);
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new KryoSerializer<>(type, registrations, defaultSerializers);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            if (!(oldSnapshot instanceof KryoSerializerSnapshot)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            KryoSerializerSnapshot<T> old = (KryoSerializerSnapshot<T>) oldSnapshot;
            if (old.type != type) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            if (registrationNames(old.registrations).equals(registrationNames(registrations))
                    && registrationNames(old.defaultSerializers).equals(registrationNames(defaultSerializers))) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            LinkedHashMap<Class<?>, Object> merged = new LinkedHashMap<>();
            for (Map.Entry<Class<?>, Object> entry : old.registrations.entrySet()) {
                // the new job's serializer for a class wins, but the class keeps its old id
                merged.put(entry.getKey(), registrations.containsKey(entry.getKey())
                        ? registrations.get(entry.getKey()) : entry.getValue());
            }
            for (Map.Entry<Class<?>, Object> entry : registrations.entrySet()) {
                merged.putIfAbsent(entry.getKey(), entry.getValue());
            }
            LinkedHashMap<Class<?>, Object> mergedDefaults = new LinkedHashMap<>(old.defaultSerializers);
            mergedDefaults.putAll(defaultSerializers);
            return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                    new KryoSerializer<>(type, merged, mergedDefaults));
        }

        private static void writeRegistrations(DataOutputView out, LinkedHashMap<Class<?>, Object> registrations)
                throws IOException {
            out.writeInt(registrations.size());
            for (Map.Entry<Class<?>, Object> entry : registrations.entrySet()) {
                out.writeUTF(entry.getKey().getName());
                Object serializer = entry.getValue();
                if (serializer == null) {
                    out.writeByte(0);
                } else if (serializer instanceof Class) {
                    out.writeByte(1);
                    out.writeUTF(((Class<?>) serializer).getName());
                } else {
                    // an instance may carry configuration: it travels whole (it is required to be Serializable)
                    byte[] bytes = SerializableCopies.toBytes(serializer);
                    out.writeByte(2);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        }

        private static LinkedHashMap<Class<?>, Object> readRegistrations(DataInputView in, ClassLoader classLoader)
                throws IOException {
            int count = in.readInt();
            LinkedHashMap<Class<?>, Object> registrations = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Class<?> registered = TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
                byte kind = in.readByte();
                if (kind == 0) {
                    registrations.put(registered, null);
                } else if (kind == 1) {
                    registrations.put(registered, TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader));
                } else if (kind == 2) {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    registrations.put(registered, SerializableCopies.fromBytes(bytes, classLoader,
                            "the Kryo serializer registered for " + registered.getName()));
                } else {
                    throw new IOException("corrupt Kryo serializer snapshot: registration kind " + kind);
                }
            }
            return registrations;
        }
    }
}

package io.freshet.api.java.typeutils.runtime;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes POJOs field by field, in the (name-sorted) field order of their {@code PojoTypeInfo}.
 *
 * <p>Format: a header byte ({@code 0} null, {@code 1} a value of exactly the POJO class, {@code 2} a subclass,
 * followed by the subclass name and the subclass serializer's bytes), then each field: primitive fields as their
 * raw value; String fields in the string format (which encodes null itself); other fields as a null flag byte
 * and, when non-null, the field serializer's bytes.
 *
 * <p>Fields are read and written through their memory offsets, so private fields with getters and setters cost
 * the same as public ones and primitive fields are never boxed. A serializer restored from an older snapshot may
 * know fields the class no longer has: it reads and drops their values (schema evolution by migration).
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private static final byte HEADER_NULL = 0;
    private static final byte HEADER_EXACT = 1;
    private static final byte HEADER_SUBCLASS = 2;

    // field kinds beyond FieldCodec's: primitives stored in the object
    private static final byte P_INT = 16;
    private static final byte P_LONG = 17;
    private static final byte P_DOUBLE = 18;
    private static final byte P_FLOAT = 19;
    private static final byte P_BOOLEAN = 20;
    private static final byte P_SHORT = 21;
    private static final byte P_BYTE = 22;
    private static final byte P_CHAR = 23;
    private static final byte P_STRING = 24;
    private static final byte P_OBJECT = 25;

    private final Class<T> clazz;
    /** The fields, null where a restored schema names a field the class no longer has. */
    private final transient Field[] fields;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final SerializerConfig config;

    private transient byte[] kinds;
    private transient long[] offsets;
    private transient Constructor<T> constructor;
    private transient Map<Class<?>, TypeSerializer<Object>> subclassSerializers;

    @SuppressWarnings("unchecked")
    public PojoSerializer(Class<T> clazz, Field[] fields, TypeSerializer<?>[] fieldSerializers, SerializerConfig config) {
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException(fields.length + " fields but " + fieldSerializers.length + " serializers");
        }
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.fields = fields.clone();
        this.fieldNames = new String[fields.length];
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.config = config == null ? new SerializerConfigImpl() : config;
        for (int i = 0; i < fields.length; i++) {
            fieldNames[i] = fields[i] == null ? null : fields[i].getName();
        }
        initTransients();
    }

    /** For restored serializers: fields looked up by name, missing ones kept as null. */
    private PojoSerializer(Class<T> clazz, String[] fieldNames, TypeSerializer<?>[] fieldSerializers,
            SerializerConfig config) {
        this(clazz, lookUpFields(clazz, fieldNames), fieldSerializers, config);
        System.arraycopy(fieldNames, 0, this.fieldNames, 0, fieldNames.length);
    }

    private void initTransients() {
        kinds = new byte[fields.length];
        offsets = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            if (field == null) {
                kinds[i] = kindOfMissing(fieldSerializers[i]);
                continue;
            }
            if (Modifier.isStatic(field.getModifiers())) {
                throw new IllegalArgumentException("static field " + field + " cannot be a POJO field");
            }
            offsets[i] = FieldAccess.UNSAFE.objectFieldOffset(field);
            kinds[i] = kindOf(field.getType(), fieldSerializers[i]);
        }
        subclassSerializers = new HashMap<>();
        if (!Modifier.isAbstract(clazz.getModifiers())) {
            try {
                constructor = clazz.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("POJO class " + clazz.getName()
                        + " needs a public no-argument constructor", e);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Field[] restored = lookUpFields(clazz, fieldNames);
        // 'fields' is final and transient: refill it through its memory offset after Java deserialization
        try {
            long offset = FieldAccess.UNSAFE.objectFieldOffset(PojoSerializer.class.getDeclaredField("fields"));
            FieldAccess.UNSAFE.putObject(this, offset, restored);
        } catch (NoSuchFieldException e) {
            throw new IOException(e);
        }
        initTransients();
    }

    private static byte kindOf(Class<?> type, TypeSerializer<?> serializer) {
        if (type == int.class) {
            return P_INT;
        } else if (type == long.class) {
            return P_LONG;
        } else if (type == double.class) {
            return P_DOUBLE;
        } else if (type == float.class) {
            return P_FLOAT;
        } else if (type == boolean.class) {
            return P_BOOLEAN;
        } else if (type == short.class) {
            return P_SHORT;
        } else if (type == byte.class) {
            return P_BYTE;
        } else if (type == char.class) {
            return P_CHAR;
        } else if (serializer.getClass() == StringSerializer.class) {
            return P_STRING;
        }
        return P_OBJECT;
    }

    /** Missing fields are read with their serializer; the format does not depend on the field's declared type. */
    private static byte kindOfMissing(TypeSerializer<?> serializer) {
        return serializer.getClass() == StringSerializer.class ? P_STRING : P_OBJECT;
    }

    private static Field[] lookUpFields(Class<?> clazz, String[] names) {
        Field[] result = new Field[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = findField(clazz, names[i]);
            if (result[i] != null) {
                result[i].setAccessible(true);
            }
        }
        return result;
    }

    private static Field findField(Class<?> clazz, String name) {
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    return field;
                }
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    // ---- TypeSerializer ----

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[fieldSerializers.length];
        for (int i = 0; i < duplicates.length; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
        }
        return new PojoSerializer<>(clazz, fields, duplicates, config);
    }

    @Override
    public T createInstance() {
        if (constructor == null) {
            return null;
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate POJO " + clazz.getName() + ": " + e, e);
        }
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        if (from.getClass() != clazz) {
            return subclassSerializer(from.getClass()).copy(from) == null ? null : castCopy(from);
        }
        T target = createInstance();
        copyFields(from, target);
        return target;
    }

    @SuppressWarnings("unchecked")
    private T castCopy(T from) {
        return (T) subclassSerializer(from.getClass()).copy(from);
    }

    @Override
    public T copy(T from, T reuse) {
        if (from == null) {
            return null;
        }
        if (reuse == null || from.getClass() != clazz || reuse.getClass() != clazz) {
            return copy(from);
        }
        copyFields(from, reuse);
        return reuse;
    }

    private void copyFields(Object from, Object to) {
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        for (int i = 0; i < kinds.length; i++) {
            if (fields[i] == null) {
                continue;
            }
            long offset = offsets[i];
            switch (kinds[i]) {
                case P_INT: u.putInt(to, offset, u.getInt(from, offset)); break;
                case P_LONG: u.putLong(to, offset, u.getLong(from, offset)); break;
                case P_DOUBLE: u.putDouble(to, offset, u.getDouble(from, offset)); break;
                case P_FLOAT: u.putFloat(to, offset, u.getFloat(from, offset)); break;
                case P_BOOLEAN: u.putBoolean(to, offset, u.getBoolean(from, offset)); break;
                case P_SHORT: u.putShort(to, offset, u.getShort(from, offset)); break;
                case P_BYTE: u.putByte(to, offset, u.getByte(from, offset)); break;
                case P_CHAR: u.putChar(to, offset, u.getChar(from, offset)); break;
                case P_STRING: u.putObject(to, offset, u.getObject(from, offset)); break;
                default: {
                    Object value = u.getObject(from, offset);
                    u.putObject(to, offset, value == null ? null : fieldSerializers[i].copy(value));
                }
            }
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(HEADER_NULL);
            return;
        }
        Class<?> actual = record.getClass();
        if (actual != clazz) {
            target.writeByte(HEADER_SUBCLASS);
            target.writeUTF(actual.getName());
            subclassSerializer(actual).serialize(record, target);
            return;
        }
        target.writeByte(HEADER_EXACT);
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        byte[] k = kinds;
        long[] o = offsets;
        for (int i = 0; i < k.length; i++) {
            long offset = o[i];
            switch (k[i]) {
                case P_INT: target.writeInt(u.getInt(record, offset)); break;
                case P_LONG: target.writeLong(u.getLong(record, offset)); break;
                case P_DOUBLE: target.writeDouble(u.getDouble(record, offset)); break;
                case P_FLOAT: target.writeFloat(u.getFloat(record, offset)); break;
                case P_BOOLEAN: target.writeBoolean(u.getBoolean(record, offset)); break;
                case P_SHORT: target.writeShort(u.getShort(record, offset)); break;
                case P_BYTE: target.writeByte(u.getByte(record, offset)); break;
                case P_CHAR: target.writeChar(u.getChar(record, offset)); break;
                case P_STRING:
                    StringSerializer.writeString(fields[i] == null ? null : (String) u.getObject(record, offset), target);
                    break;
                default: {
                    Object value = fields[i] == null ? null : u.getObject(record, offset);
                    if (value == null) {
                        target.writeBoolean(false);
                    } else {
                        target.writeBoolean(true);
                        fieldSerializers[i].serialize(value, target);
                    }
                }
            }
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(T reuse, DataInputView source) throws IOException {
        byte header = source.readByte();
        if (header == HEADER_NULL) {
            return null;
        }
        if (header == HEADER_SUBCLASS) {
            Class<?> subclass = TypeSerializerSnapshotIO.loadClass(source.readUTF(), classLoader());
            return (T) subclassSerializer(subclass).deserialize(source);
        }
        if (header != HEADER_EXACT) {
            throw new IOException("corrupt POJO record of " + clazz.getName() + ": unknown header byte " + header);
        }
        T record = reuse != null && reuse.getClass() == clazz ? reuse : createInstance();
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        byte[] k = kinds;
        long[] o = offsets;
        for (int i = 0; i < k.length; i++) {
            long offset = o[i];
            boolean present = fields[i] != null;
            switch (k[i]) {
                case P_INT: u.putInt(record, offset, source.readInt()); break;
                case P_LONG: u.putLong(record, offset, source.readLong()); break;
                case P_DOUBLE: u.putDouble(record, offset, source.readDouble()); break;
                case P_FLOAT: u.putFloat(record, offset, source.readFloat()); break;
                case P_BOOLEAN: u.putBoolean(record, offset, source.readBoolean()); break;
                case P_SHORT: u.putShort(record, offset, source.readShort()); break;
                case P_BYTE: u.putByte(record, offset, source.readByte()); break;
                case P_CHAR: u.putChar(record, offset, source.readChar()); break;
                case P_STRING: {
                    String value = StringSerializer.readString(source);
                    if (present) {
                        u.putObject(record, offset, value);
                    }
                    break;
                }
                default: {
                    Object value = null;
                    if (source.readBoolean()) {
                        Object old = present ? u.getObject(record, offset) : null;
                        value = old == null ? fieldSerializers[i].deserialize(source)
                                : fieldSerializers[i].deserialize(old, source);
                    }
                    if (present) {
                        u.putObject(record, offset, value);
                    }
                }
            }
        }
        return record;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        // Subclass records and nested formats make a byte-level copy no simpler than a round trip.
        serialize(deserialize(source), target);
    }

    private ClassLoader classLoader() {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return contextLoader != null ? contextLoader : clazz.getClassLoader();
    }

    private TypeSerializer<Object> subclassSerializer(Class<?> subclass) {
        TypeSerializer<Object> serializer = subclassSerializers.get(subclass);
        if (serializer == null) {
            if (!clazz.isAssignableFrom(subclass)) {
                throw new IllegalArgumentException(subclass.getName() + " is not a subclass of POJO " + clazz.getName());
            }
            @SuppressWarnings("unchecked")
            TypeSerializer<Object> created =
                    (TypeSerializer<Object>) TypeExtractor.createTypeInfo(subclass).createSerializer(config);
            serializer = created;
            subclassSerializers.put(subclass, serializer);
        }
        return serializer;
    }

    // ---- identity ----

    public Class<T> getPojoClass() {
        return clazz;
    }

    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoSerializer)) {
            return false;
        }
        PojoSerializer<?> other = (PojoSerializer<?>) obj;
        return clazz == other.clazz && Arrays.equals(fieldNames, other.fieldNames)
                && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * clazz.hashCode() + Arrays.hashCode(fieldNames)) + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "PojoSerializer<" + clazz.getName() + ">" + Arrays.toString(fieldNames);
    }

    // ---- snapshot ----

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new PojoSerializerSnapshot<>(this);
    }

    /**
     * Snapshot of a {@link PojoSerializer}: the class, the field names in serialization order and each field
     * serializer's snapshot. A new POJO serializer is compatible as is when it has the same fields in the same
     * order with compatible serializers; after migration when fields were added or removed (old values are read
     * with the restored serializer, removed fields dropped, new ones left at their defaults); incompatible when
     * the class differs or a field's serializer is incompatible.
     */
    public static final class PojoSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

        private static final int VERSION = 1;

        private Class<T> clazz;
        private String[] fieldNames;
        private TypeSerializerSnapshot<?>[] fieldSnapshots;
        private SerializerConfig config;

        public PojoSerializerSnapshot() {}

        PojoSerializerSnapshot(PojoSerializer<T> serializer) {
            this.clazz = serializer.clazz;
            this.fieldNames = serializer.fieldNames.clone();
            this.fieldSnapshots = TypeSerializerSnapshotIO.snapshotsOf(serializer.fieldSerializers);
            this.config = serializer.config;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(clazz.getName());
            out.writeInt(fieldNames.length);
            for (String name : fieldNames) {
                out.writeUTF(name);
            }
            TypeSerializerSnapshotIO.writeNestedSnapshots(out, fieldSnapshots);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("PojoSerializerSnapshot cannot read snapshot version " + readVersion);
            }
            clazz = (Class<T>) TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
            int count = in.readInt();
            fieldNames = new String[count];
            for (int i = 0; i < count; i++) {
                fieldNames[i] = in.readUTF();
            }
            fieldSnapshots = TypeSerializerSnapshotIO.readNestedSnapshots(in, classLoader);
            config = new SerializerConfigImpl();
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new PojoSerializer<>(clazz, fieldNames, TypeSerializerSnapshotIO.restoreAll(fieldSnapshots), config);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            if (!(oldSnapshot instanceof PojoSerializerSnapshot)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            PojoSerializerSnapshot<T> old = (PojoSerializerSnapshot<T>) oldSnapshot;
            if (old.clazz != clazz) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            Map<String, TypeSerializerSnapshot<?>> newFields = new LinkedHashMap<>();
            for (int i = 0; i < fieldNames.length; i++) {
                newFields.put(fieldNames[i], fieldSnapshots[i]);
            }
            boolean sameLayout = Arrays.equals(old.fieldNames, fieldNames);
            boolean migrate = !sameLayout;
            boolean reconfigure = false;
            TypeSerializer<?>[] reconfigured = new TypeSerializer<?>[fieldNames.length];
            for (int i = 0; i < old.fieldNames.length; i++) {
                TypeSerializerSnapshot<?> current = newFields.get(old.fieldNames[i]);
                if (current == null) {
                    continue; // the field was removed: its old values are dropped during migration
                }
                TypeSerializerSchemaCompatibility<?> fieldCompatibility =
                        ((TypeSerializerSnapshot) current).resolveSchemaCompatibility((TypeSerializerSnapshot) old.fieldSnapshots[i]);
                if (fieldCompatibility.isIncompatible()) {
                    return TypeSerializerSchemaCompatibility.incompatible();
                }
                if (fieldCompatibility.isCompatibleAfterMigration()) {
                    migrate = true;
                } else if (fieldCompatibility.isCompatibleWithReconfiguredSerializer() && sameLayout) {
                    reconfigure = true;
                    reconfigured[i] = fieldCompatibility.getReconfiguredSerializer();
                } else if (sameLayout) {
                    reconfigured[i] = current.restoreSerializer();
                }
            }
            if (migrate) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            if (reconfigure) {
                return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                        new PojoSerializer<>(clazz, fieldNames, reconfigured, config));
            }
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
    }
}

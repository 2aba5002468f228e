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
 * followed by the subclass name and the subclass serializer's bytes), then each field in its <em>layout</em>:
 * a primitive field as its raw value; a String field in the string format (which encodes null itself); any
 * other field as a null flag byte and, when non-null, the field serializer's bytes. The layout of every field
 * is part of the snapshot, because it depends on the field's declared type (an {@code int} and an
 * {@code Integer} field share the serializer but not the bytes).
 *
 * <p>Fields are read and written through their memory offsets, so private fields with getters and setters cost
 * the same as public ones and primitive fields are never boxed. A serializer restored from an older snapshot
 * reads the old layout even when the class changed since: fields the class no longer has are read and
 * dropped, and a field whose type changed between a primitive and its box is converted (schema evolution by
 * migration). Subclass serializers seen so far are part of the snapshot as well.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private static final byte HEADER_NULL = 0;
    private static final byte HEADER_EXACT = 1;
    private static final byte HEADER_SUBCLASS = 2;

    // Layouts (how a field's value is written) and access kinds (how it is held in the object).
    static final byte P_INT = 16;
    static final byte P_LONG = 17;
    static final byte P_DOUBLE = 18;
    static final byte P_FLOAT = 19;
    static final byte P_BOOLEAN = 20;
    static final byte P_SHORT = 21;
    static final byte P_BYTE = 22;
    static final byte P_CHAR = 23;
    static final byte P_STRING = 24;
    static final byte P_OBJECT = 25;
    /** Access kind of a field the class no longer has. */
    private static final byte MISSING = -1;

    private final Class<T> clazz;
    /** The fields, null where a restored schema names a field the class no longer has. */
    private final transient Field[] fields;
    private final String[] fieldNames;
    private final byte[] layouts;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final SerializerConfig config;
    /** Serializers of the subclasses met so far (or restored from a snapshot), in the order they were met. */
    private final LinkedHashMap<Class<?>, TypeSerializer<Object>> subclassSerializers;

    private transient byte[] access;
    private transient long[] offsets;
    private transient Constructor<T> constructor;
    private transient Map<String, Class<?>> subclassesByName;

    /** A serializer for the current version of {@code clazz}: every field is written in its natural layout. */
    public PojoSerializer(Class<T> clazz, Field[] fields, TypeSerializer<?>[] fieldSerializers, SerializerConfig config) {
        this(clazz, fields, namesOf(fields), layoutsOf(fields, fieldSerializers), fieldSerializers, config,
                new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer(Class<T> clazz, Field[] fields, String[] fieldNames, byte[] layouts,
            TypeSerializer<?>[] fieldSerializers, SerializerConfig config,
            LinkedHashMap<Class<?>, TypeSerializer<Object>> subclassSerializers) {
        if (fields.length != fieldSerializers.length || fieldNames.length != fields.length
                || layouts.length != fields.length) {
            throw new IllegalArgumentException(fields.length + " fields but " + fieldSerializers.length
                    + " serializers, " + fieldNames.length + " names and " + layouts.length + " layouts");
        }
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.fields = fields.clone();
        this.fieldNames = fieldNames.clone();
        this.layouts = layouts.clone();
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.config = config == null ? new SerializerConfigImpl() : config;
        this.subclassSerializers = subclassSerializers;
        initTransients();
    }

    private static String[] namesOf(Field[] fields) {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = Objects.requireNonNull(fields[i], "a POJO field is null").getName();
        }
        return names;
    }

    private static byte[] layoutsOf(Field[] fields, TypeSerializer<?>[] serializers) {
        byte[] layouts = new byte[fields.length];
        for (int i = 0; i < fields.length; i++) {
            layouts[i] = kindOf(fields[i].getType(), serializers[i]);
        }
        return layouts;
    }

    private void initTransients() {
        access = new byte[fields.length];
        offsets = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            if (field == null) {
                access[i] = MISSING;
                continue;
            }
            if (Modifier.isStatic(field.getModifiers())) {
                throw new IllegalArgumentException("static field " + field + " cannot be a POJO field");
            }
            offsets[i] = FieldAccess.UNSAFE.objectFieldOffset(field);
            access[i] = kindOf(field.getType(), fieldSerializers[i]);
        }
        subclassesByName = new HashMap<>();
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
        LinkedHashMap<Class<?>, TypeSerializer<Object>> subclasses = new LinkedHashMap<>();
        synchronized (subclassSerializers) {
            subclassSerializers.forEach((subclass, serializer) -> subclasses.put(subclass, serializer.duplicate()));
        }
        return new PojoSerializer<>(clazz, fields, fieldNames, layouts, duplicates, config, subclasses);
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
    @SuppressWarnings("unchecked")
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        if (from.getClass() != clazz) {
            return (T) subclassSerializer(from.getClass()).copy(from);
        }
        T target = createInstance();
        copyFields(from, target);
        return target;
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
        for (int i = 0; i < access.length; i++) {
            long offset = offsets[i];
            switch (access[i]) {
                case MISSING: break;
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
        byte[] l = layouts;
        byte[] a = access;
        long[] o = offsets;
        for (int i = 0; i < l.length; i++) {
            if (a[i] != l[i]) {
                writeValue(l[i], i, readBoxed(record, i), target);
                continue;
            }
            long offset = o[i];
            switch (l[i]) {
                case P_INT: target.writeInt(u.getInt(record, offset)); break;
                case P_LONG: target.writeLong(u.getLong(record, offset)); break;
                case P_DOUBLE: target.writeDouble(u.getDouble(record, offset)); break;
                case P_FLOAT: target.writeFloat(u.getFloat(record, offset)); break;
                case P_BOOLEAN: target.writeBoolean(u.getBoolean(record, offset)); break;
                case P_SHORT: target.writeShort(u.getShort(record, offset)); break;
                case P_BYTE: target.writeByte(u.getByte(record, offset)); break;
                case P_CHAR: target.writeChar(u.getChar(record, offset)); break;
                case P_STRING: StringSerializer.writeString((String) u.getObject(record, offset), target); break;
                default: {
                    Object value = u.getObject(record, offset);
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
            return (T) subclassSerializer(subclassNamed(source.readUTF())).deserialize(source);
        }
        if (header != HEADER_EXACT) {
            throw new IOException("corrupt POJO record of " + clazz.getName() + ": unknown header byte " + header);
        }
        T record = reuse != null && reuse.getClass() == clazz ? reuse : createInstance();
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        byte[] l = layouts;
        byte[] a = access;
        long[] o = offsets;
        for (int i = 0; i < l.length; i++) {
            if (a[i] != l[i]) {
                writeBoxed(record, i, readValue(l[i], i, source));
                continue;
            }
            long offset = o[i];
            switch (l[i]) {
                case P_INT: u.putInt(record, offset, source.readInt()); break;
                case P_LONG: u.putLong(record, offset, source.readLong()); break;
                case P_DOUBLE: u.putDouble(record, offset, source.readDouble()); break;
                case P_FLOAT: u.putFloat(record, offset, source.readFloat()); break;
                case P_BOOLEAN: u.putBoolean(record, offset, source.readBoolean()); break;
                case P_SHORT: u.putShort(record, offset, source.readShort()); break;
                case P_BYTE: u.putByte(record, offset, source.readByte()); break;
                case P_CHAR: u.putChar(record, offset, source.readChar()); break;
                case P_STRING: u.putObject(record, offset, StringSerializer.readString(source)); break;
                default: {
                    Object value = null;
                    if (source.readBoolean()) {
                        Object old = u.getObject(record, offset);
                        value = old == null ? fieldSerializers[i].deserialize(source)
                                : fieldSerializers[i].deserialize(old, source);
                    }
                    u.putObject(record, offset, value);
                }
            }
        }
        return record;
    }

    // ---- the slow path: a field whose layout differs from how the class holds it (restored schemas) ----

    private Object readBoxed(Object record, int i) {
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        long offset = offsets[i];
        switch (access[i]) {
            case MISSING: return null;
            case P_INT: return u.getInt(record, offset);
            case P_LONG: return u.getLong(record, offset);
            case P_DOUBLE: return u.getDouble(record, offset);
            case P_FLOAT: return u.getFloat(record, offset);
            case P_BOOLEAN: return u.getBoolean(record, offset);
            case P_SHORT: return u.getShort(record, offset);
            case P_BYTE: return u.getByte(record, offset);
            case P_CHAR: return u.getChar(record, offset);
            default: return u.getObject(record, offset);
        }
    }

    /** Stores a value read in another layout; a null for a primitive field leaves the field's default. */
    private void writeBoxed(Object record, int i, Object value) {
        sun.misc.Unsafe u = FieldAccess.UNSAFE;
        long offset = offsets[i];
        byte kind = access[i];
        if (kind == MISSING || (value == null && kind != P_STRING && kind != P_OBJECT)) {
            return;
        }
        switch (kind) {
            case P_INT: u.putInt(record, offset, (Integer) value); break;
            case P_LONG: u.putLong(record, offset, (Long) value); break;
            case P_DOUBLE: u.putDouble(record, offset, (Double) value); break;
            case P_FLOAT: u.putFloat(record, offset, (Float) value); break;
            case P_BOOLEAN: u.putBoolean(record, offset, (Boolean) value); break;
            case P_SHORT: u.putShort(record, offset, (Short) value); break;
            case P_BYTE: u.putByte(record, offset, (Byte) value); break;
            case P_CHAR: u.putChar(record, offset, (Character) value); break;
            default: u.putObject(record, offset, value);
        }
    }

    private void writeValue(byte layout, int i, Object value, DataOutputView target) throws IOException {
        switch (layout) {
            case P_INT: target.writeInt(value == null ? 0 : (Integer) value); break;
            case P_LONG: target.writeLong(value == null ? 0L : (Long) value); break;
            case P_DOUBLE: target.writeDouble(value == null ? 0.0 : (Double) value); break;
            case P_FLOAT: target.writeFloat(value == null ? 0f : (Float) value); break;
            case P_BOOLEAN: target.writeBoolean(value != null && (Boolean) value); break;
            case P_SHORT: target.writeShort(value == null ? 0 : (Short) value); break;
            case P_BYTE: target.writeByte(value == null ? 0 : (Byte) value); break;
            case P_CHAR: target.writeChar(value == null ? 0 : (Character) value); break;
            case P_STRING: StringSerializer.writeString((String) value, target); break;
            default:
                if (value == null) {
                    target.writeBoolean(false);
                } else {
                    target.writeBoolean(true);
                    fieldSerializers[i].serialize(value, target);
                }
        }
    }

    private Object readValue(byte layout, int i, DataInputView source) throws IOException {
        switch (layout) {
            case P_INT: return source.readInt();
            case P_LONG: return source.readLong();
            case P_DOUBLE: return source.readDouble();
            case P_FLOAT: return source.readFloat();
            case P_BOOLEAN: return source.readBoolean();
            case P_SHORT: return source.readShort();
            case P_BYTE: return source.readByte();
            case P_CHAR: return source.readChar();
            case P_STRING: return StringSerializer.readString(source);
            default: return source.readBoolean() ? fieldSerializers[i].deserialize(source) : null;
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        // Subclass records and nested formats make a byte-level copy no simpler than a round trip.
        serialize(deserialize(source), target);
    }

    // ---- subclasses ----

    private Class<?> subclassNamed(String name) throws IOException {
        Class<?> subclass = subclassesByName.get(name);
        if (subclass == null) {
            ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
            subclass = TypeSerializerSnapshotIO.loadClass(name,
                    contextLoader != null ? contextLoader : clazz.getClassLoader());
            subclassesByName.put(name, subclass);
        }
        return subclass;
    }

    private TypeSerializer<Object> subclassSerializer(Class<?> subclass) {
        synchronized (subclassSerializers) {
            TypeSerializer<Object> serializer = subclassSerializers.get(subclass);
            if (serializer == null) {
                if (!clazz.isAssignableFrom(subclass)) {
                    throw new IllegalArgumentException(subclass.getName() + " is not a subclass of POJO "
                            + clazz.getName());
                }
                serializer = createSubclassSerializer(subclass, config);
                subclassSerializers.put(subclass, serializer);
            }
            return serializer;
        }
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> createSubclassSerializer(Class<?> subclass, SerializerConfig config) {
        return (TypeSerializer<Object>) TypeExtractor.createTypeInfo(subclass).createSerializer(config);
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
                && Arrays.equals(layouts, other.layouts) && Arrays.equals(fieldSerializers, other.fieldSerializers);
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
     * Snapshot of a {@link PojoSerializer}: the class, per field its name, layout and serializer snapshot, and
     * the snapshots of the subclass serializers met so far. A new POJO serializer is
     * <ul>
     *   <li>compatible as is with the same fields in the same order and layouts, and compatible field and
     *       subclass serializers;</li>
     *   <li>compatible after migration when fields were added or removed, a field changed between a primitive and
     *       its box, or a field or subclass serializer needs migration (old values are read with the restored
     *       serializer, removed fields dropped, new ones left at their defaults);</li>
     *   <li>incompatible when the class differs or a field or subclass serializer is incompatible.</li>
     * </ul>
     */
    public static final class PojoSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

        private static final int VERSION = 1;

        private Class<T> clazz;
        private String[] fieldNames;
        private byte[] layouts;
        private TypeSerializerSnapshot<?>[] fieldSnapshots;
        private LinkedHashMap<Class<?>, TypeSerializerSnapshot<?>> subclassSnapshots;
        private SerializerConfig config;

        public PojoSerializerSnapshot() {}

        PojoSerializerSnapshot(PojoSerializer<T> serializer) {
            this.clazz = serializer.clazz;
            this.fieldNames = serializer.fieldNames.clone();
            this.layouts = serializer.layouts.clone();
            this.fieldSnapshots = TypeSerializerSnapshotIO.snapshotsOf(serializer.fieldSerializers);
            this.subclassSnapshots = new LinkedHashMap<>();
            synchronized (serializer.subclassSerializers) {
                serializer.subclassSerializers.forEach(
                        (subclass, subclassSerializer) -> subclassSnapshots.put(subclass, subclassSerializer.snapshotConfiguration()));
            }
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
            for (int i = 0; i < fieldNames.length; i++) {
                out.writeUTF(fieldNames[i]);
                out.writeByte(layouts[i]);
            }
            TypeSerializerSnapshotIO.writeNestedSnapshots(out, fieldSnapshots);
            out.writeInt(subclassSnapshots.size());
            for (Map.Entry<Class<?>, TypeSerializerSnapshot<?>> entry : subclassSnapshots.entrySet()) {
                out.writeUTF(entry.getKey().getName());
                TypeSerializerSnapshot.writeVersionedSnapshot(out, entry.getValue());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("PojoSerializerSnapshot cannot read snapshot version " + readVersion
                        + "; this version of Freshet reads version " + VERSION);
            }
            clazz = (Class<T>) TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
            int count = in.readInt();
            if (count < 0 || count > 65536) {
                throw new IOException("corrupt POJO serializer snapshot of " + clazz.getName() + ": " + count + " fields");
            }
            fieldNames = new String[count];
            layouts = new byte[count];
            for (int i = 0; i < count; i++) {
                fieldNames[i] = in.readUTF();
                layouts[i] = in.readByte();
                if (layouts[i] < P_INT || layouts[i] > P_OBJECT) {
                    throw new IOException("corrupt POJO serializer snapshot of " + clazz.getName()
                            + ": unknown layout " + layouts[i] + " of field " + fieldNames[i]);
                }
            }
            fieldSnapshots = TypeSerializerSnapshotIO.readNestedSnapshots(in, classLoader);
            if (fieldSnapshots.length != count) {
                throw new IOException("corrupt POJO serializer snapshot of " + clazz.getName() + ": " + count
                        + " fields but " + fieldSnapshots.length + " field serializers");
            }
            int subclasses = in.readInt();
            subclassSnapshots = new LinkedHashMap<>();
            for (int i = 0; i < subclasses; i++) {
                Class<?> subclass = TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
                subclassSnapshots.put(subclass, TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader));
            }
            config = new SerializerConfigImpl();
        }

        @Override
        @SuppressWarnings("unchecked")
        public TypeSerializer<T> restoreSerializer() {
            LinkedHashMap<Class<?>, TypeSerializer<Object>> subclasses = new LinkedHashMap<>();
            subclassSnapshots.forEach(
                    (subclass, snapshot) -> subclasses.put(subclass, (TypeSerializer<Object>) snapshot.restoreSerializer()));
            return new PojoSerializer<>(clazz, lookUpFields(clazz, fieldNames), fieldNames, layouts,
                    TypeSerializerSnapshotIO.restoreAll(fieldSnapshots), config, subclasses);
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
            Map<String, Integer> newPositions = new HashMap<>();
            for (int i = 0; i < fieldNames.length; i++) {
                newPositions.put(fieldNames[i], i);
            }
            boolean sameLayout = Arrays.equals(old.fieldNames, fieldNames) && Arrays.equals(old.layouts, layouts);
            boolean migrate = !sameLayout;
            boolean reconfigure = false;
            TypeSerializer<?>[] reconfigured = TypeSerializerSnapshotIO.restoreAll(fieldSnapshots);
            for (int i = 0; i < old.fieldNames.length; i++) {
                Integer position = newPositions.get(old.fieldNames[i]);
                if (position == null) {
                    continue; // the field was removed: its old values are dropped during migration
                }
                TypeSerializerSchemaCompatibility<?> field = ((TypeSerializerSnapshot) fieldSnapshots[position])
                        .resolveSchemaCompatibility((TypeSerializerSnapshot) old.fieldSnapshots[i]);
                if (field.isIncompatible()) {
                    return TypeSerializerSchemaCompatibility.incompatible();
                }
                if (field.isCompatibleAfterMigration()) {
                    migrate = true;
                } else if (field.isCompatibleWithReconfiguredSerializer()) {
                    reconfigure = true;
                    reconfigured[position] = field.getReconfiguredSerializer();
                }
            }
            for (Map.Entry<Class<?>, TypeSerializerSnapshot<?>> entry : old.subclassSnapshots.entrySet()) {
                TypeSerializerSnapshot<?> current = subclassSnapshots.get(entry.getKey());
                if (current == null) {
                    current = createSubclassSerializer(entry.getKey(), config).snapshotConfiguration();
                }
                TypeSerializerSchemaCompatibility<?> subclass =
                        ((TypeSerializerSnapshot) current).resolveSchemaCompatibility((TypeSerializerSnapshot) entry.getValue());
                if (subclass.isIncompatible()) {
                    return TypeSerializerSchemaCompatibility.incompatible();
                }
                if (!subclass.isCompatibleAsIs()) {
                    migrate = true;
                }
            }
            if (migrate) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            if (reconfigure) {
                return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                        new PojoSerializer<>(clazz, lookUpFields(clazz, fieldNames), fieldNames, layouts, reconfigured,
                                config, new LinkedHashMap<>()));
            }
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
    }
}

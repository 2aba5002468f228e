package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes the constants of one enum as an int: the constant's position in this serializer's value order.
 *
 * <p>The value order starts as the enum's declaration order. When a job restores state written before the enum
 * changed (constants appended or reordered), {@link EnumSerializerSnapshot#resolveSchemaCompatibility} builds a
 * serializer whose order is the old one followed by the new constants, so old positions keep meaning the same
 * constants. Null is not supported, as in Flink.
 */
public final class EnumSerializer<T extends Enum<T>> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> enumClass;

    /** The constant written as position i. */
    private final T[] values;

    /** The position written for the constant with ordinal i. */
    private final int[] positionOfOrdinal;

    public EnumSerializer(Class<T> enumClass) {
        this(enumClass, constantsOf(enumClass));
    }

    /** A serializer writing {@code values[i]} as {@code i}; {@code values} holds every constant exactly once. */
    private EnumSerializer(Class<T> enumClass, T[] values) {
        this.enumClass = enumClass;
        this.values = values;
        this.positionOfOrdinal = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            positionOfOrdinal[values[i].ordinal()] = i;
        }
    }

    private static <T extends Enum<T>> T[] constantsOf(Class<T> enumClass) {
        Objects.requireNonNull(enumClass, "enumClass");
        T[] constants = enumClass.getEnumConstants();
        if (constants == null) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
        return constants;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public EnumSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return values.length == 0 ? null : values[0];
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return Integer.BYTES;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        target.writeInt(positionOfOrdinal[record.ordinal()]);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int position = source.readInt();
        if (position < 0 || position >= values.length) {
            throw new IOException("corrupt input for the serializer of " + enumClass.getName() + ": position "
                    + position + ", but the enum has " + values.length + " constants");
        }
        return values[position];
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeInt(source.readInt());
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof EnumSerializer)) {
            return false;
        }
        EnumSerializer<?> other = (EnumSerializer<?>) obj;
        return enumClass == other.enumClass && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * enumClass.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public EnumSerializerSnapshot<T> snapshotConfiguration() {
        return new EnumSerializerSnapshot<>(enumClass, values);
    }

    /** The constants in the order of their serialized positions. */
    T[] getValues() {
        return values.clone();
    }

    Map<T, Integer> getValueToOrdinal() {
        Map<T, Integer> positions = new EnumMap<>(enumClass);
        for (int i = 0; i < values.length; i++) {
            positions.put(values[i], i);
        }
        return positions;
    }

    @Override
    public String toString() {
        return "EnumSerializer{" + enumClass.getName() + ", values=" + Arrays.toString(values) + '}';
    }

    // ---- snapshot ----

    /**
     * The enum class and the names of its constants in serialized order. Compatibility with an old snapshot:
     * <ul>
     *   <li>same names in the same order: compatible as is;</li>
     *   <li>every old name still exists (new ones appended or the declaration reordered): compatible with a
     *       serializer whose order is the old one, followed by the new constants;</li>
     *   <li>an old name no longer exists, or the enum class differs: incompatible.</li>
     * </ul>
     */
    public static final class EnumSerializerSnapshot<T extends Enum<T>> implements TypeSerializerSnapshot<T> {

        private static final int VERSION = 1;

        private Class<T> enumClass;
        private String[] constantNames;

        /** For reading a snapshot. */
        public EnumSerializerSnapshot() {}

        EnumSerializerSnapshot(Class<T> enumClass, T[] values) {
            this(enumClass, namesOf(values));
        }

        /** A snapshot of arbitrary names: lets tests describe the serializer of an older version of the enum. */
        EnumSerializerSnapshot(Class<T> enumClass, String[] constantNames) {
            this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
            this.constantNames = constantNames.clone();
        }

        private static String[] namesOf(Enum<?>[] values) {
            String[] names = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                names[i] = values[i].name();
            }
            return names;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(enumClass.getName());
            out.writeInt(constantNames.length);
            for (String name : constantNames) {
                out.writeUTF(name);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
                throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("EnumSerializerSnapshot cannot read snapshot version " + readVersion);
            }
            String className = in.readUTF();
            Class<?> type = TypeSerializerSnapshotIO.loadClass(className, userCodeClassLoader);
            if (!type.isEnum()) {
                throw new IOException("class " + className + " in an enum serializer snapshot is not an enum");
            }
            enumClass = (Class<T>) type;
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("corrupt enum serializer snapshot for " + className + ": " + count + " constants");
            }
            constantNames = new String[count];
            for (int i = 0; i < count; i++) {
                constantNames[i] = in.readUTF();
            }
        }

        /**
         * The serializer that reads what the snapshotted one wrote.
         *
         * @throws IllegalStateException when a snapshotted constant no longer exists in the enum
         */
        @Override
        public TypeSerializer<T> restoreSerializer() {
            Map<String, T> byName = constantsByName(enumClass);
            T[] values = Arrays.copyOf(enumClass.getEnumConstants(), constantNames.length);
            for (int i = 0; i < constantNames.length; i++) {
                T value = byName.get(constantNames[i]);
                if (value == null) {
                    throw new IllegalStateException("enum " + enumClass.getName() + " no longer has the constant "
                            + constantNames[i] + ", which the state was written with");
                }
                values[i] = value;
            }
            if (values.length != byName.size()) {
                // the enum gained constants since the snapshot: the serializer must still be able to write them
                return reconfigured(values);
            }
            return new EnumSerializer<>(enumClass, values);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
                TypeSerializerSnapshot<T> oldSerializerSnapshot) {
            if (!(oldSerializerSnapshot instanceof EnumSerializerSnapshot)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            EnumSerializerSnapshot<T> old = (EnumSerializerSnapshot<T>) oldSerializerSnapshot;
            if (!old.enumClass.getName().equals(enumClass.getName())) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            if (Arrays.equals(old.constantNames, constantNames)) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            Map<String, T> byName = constantsByName(enumClass);
            T[] oldOrder = Arrays.copyOf(enumClass.getEnumConstants(), old.constantNames.length);
            for (int i = 0; i < oldOrder.length; i++) {
                T value = byName.get(old.constantNames[i]);
                if (value == null) {
                    return TypeSerializerSchemaCompatibility.incompatible();
                }
                oldOrder[i] = value;
            }
            return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(reconfigured(oldOrder));
        }

        /** A serializer with {@code oldOrder} first and the constants missing from it after, in declaration order. */
        private EnumSerializer<T> reconfigured(T[] oldOrder) {
            T[] all = enumClass.getEnumConstants();
            boolean[] placed = new boolean[all.length];
            for (T value : oldOrder) {
                placed[value.ordinal()] = true;
            }
            T[] order = Arrays.copyOf(oldOrder, all.length);
            int next = oldOrder.length;
            for (T value : all) {
                if (!placed[value.ordinal()]) {
                    order[next++] = value;
                }
            }
            return new EnumSerializer<>(enumClass, order);
        }

        private static <T extends Enum<T>> Map<String, T> constantsByName(Class<T> enumClass) {
            T[] constants = enumClass.getEnumConstants();
            Map<String, T> byName = new HashMap<>();
            for (T constant : constants) {
                byName.put(constant.name(), constant);
            }
            return byName;
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof EnumSerializerSnapshot)) {
                return false;
            }
            EnumSerializerSnapshot<?> other = (EnumSerializerSnapshot<?>) obj;
            return enumClass == other.enumClass && Arrays.equals(constantNames, other.constantNames);
        }

        @Override
        public int hashCode() {
            return 31 * enumClass.hashCode() + Arrays.hashCode(constantNames);
        }

        @Override
        public String toString() {
            return "EnumSerializerSnapshot{" + enumClass.getName() + ", " + Arrays.toString(constantNames) + '}';
        }
    }
}

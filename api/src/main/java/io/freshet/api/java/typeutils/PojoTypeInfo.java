package io.freshet.api.java.typeutils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.CompositeType;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.runtime.PojoSerializer;
import io.freshet.api.java.typeutils.runtime.kryo.KryoSerializer;

/**
 * Type information of a POJO: a public class with a public no-argument constructor whose fields are public or
 * reachable through getters and setters. Fields are kept sorted by name, so the field order (and with it the
 * serialized format) does not depend on the order the JVM lists declared fields in.
 */
public class PojoTypeInfo<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    private final PojoField[] fields;
    private final int totalFields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        super(typeClass);
        this.fields = fields.toArray(new PojoField[0]);
        Arrays.sort(this.fields, Comparator.comparing(field -> field.getField().getName()));
        int total = 0;
        for (PojoField field : this.fields) {
            total += field.getTypeInformation().getTotalFields();
        }
        this.totalFields = total;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    @Override
    public int getTotalFields() {
        return totalFields;
    }

    @Override
    public boolean isSortKeyType() {
        // sorting by a whole POJO would depend on field names, not on what users mean by its order
        return false;
    }

    public PojoField getPojoFieldAt(int pos) {
        if (pos < 0 || pos >= fields.length) {
            throw new IndexOutOfBoundsException("field " + pos + " of POJO " + getTypeClass().getName()
                    + " with " + fields.length + " fields");
        }
        return fields[pos];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        return (TypeInformation<X>) getPojoFieldAt(pos).getTypeInformation();
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getField().getName();
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getField().getName().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        if (config.isForceKryoEnabled()) {
            return new KryoSerializer<>(getTypeClass(), config);
        }
        return createPojoSerializer(config);
    }

    public PojoSerializer<T> createPojoSerializer(SerializerConfig config) {
        List<java.lang.reflect.Field> reflectiveFields = new ArrayList<>(fields.length);
        TypeSerializer<?>[] fieldSerializers = new TypeSerializer<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            reflectiveFields.add(fields[i].getField());
            fieldSerializers[i] = fields[i].getTypeInformation().createSerializer(config);
        }
        return new PojoSerializer<>(getTypeClass(), reflectiveFields.toArray(new java.lang.reflect.Field[0]),
                fieldSerializers, config);
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return createSerializer(config.getSerializerConfig());
    }

    @Deprecated
    public PojoSerializer<T> createPojoSerializer(ExecutionConfig config) {
        return createPojoSerializer(config.getSerializerConfig());
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoTypeInfo)) {
            return false;
        }
        PojoTypeInfo<?> other = (PojoTypeInfo<?>) obj;
        return other.canEqual(this) && getTypeClass() == other.getTypeClass() && Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * getTypeClass().hashCode() + Arrays.hashCode(fields);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof PojoTypeInfo;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoType<").append(getTypeClass().getName()).append(", fields = [");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields[i].getField().getName()).append(": ").append(fields[i].getTypeInformation());
        }
        return sb.append("]>").toString();
    }
}

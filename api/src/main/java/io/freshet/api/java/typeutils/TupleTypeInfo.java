package io.freshet.api.java.typeutils;

import java.util.LinkedHashMap;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.BasicTypeInfo;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.typeutils.runtime.TupleSerializer;

/** Type information of {@code Tuple0..Tuple25} and their subclasses; fields are named {@code f0, f1, ...}. */
public final class TupleTypeInfo<T extends Tuple> extends TupleTypeInfoBase<T> {

    private static final long serialVersionUID = 1L;

    protected final String[] fieldNames;

    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    public TupleTypeInfo(Class<T> tupleType, TypeInformation<?>... types) {
        super(tupleType, types);
        if (types.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("a tuple has at most " + Tuple.MAX_ARITY + " fields, not " + types.length);
        }
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldNames[i] = "f" + i;
        }
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public TupleSerializer<T> createSerializer(SerializerConfig config) {
        TypeSerializer<?>[] fieldSerializers = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldSerializers[i] = types[i].createSerializer(config);
        }
        return new TupleSerializer<>(getTypeClass(), fieldSerializers);
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return createSerializer(config.getSerializerConfig());
    }

    @Override
    public Map<String, TypeInformation<?>> getGenericParameters() {
        Map<String, TypeInformation<?>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < types.length; i++) {
            parameters.put("T" + i, types[i]);
        }
        return parameters;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleTypeInfo && super.equals(obj);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TupleTypeInfo;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return "Java " + super.toString();
    }

    /** Type information of a tuple whose fields are basic types, given by class. */
    @SuppressWarnings("unchecked")
    public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new IllegalArgumentException("field " + i + " (" + basicTypes[i].getName() + ") is not a basic type");
            }
        }
        return (TupleTypeInfo<X>) new TupleTypeInfo<>(infos);
    }
}

package io.freshet.streaming.api.functions.aggregation;

import java.io.Serializable;
import java.lang.reflect.Field;

import io.freshet.api.common.typeinfo.BasicTypeInfo;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.typeutils.PojoTypeInfo;
import io.freshet.api.java.typeutils.TupleTypeInfoBase;

/**
 * Reads and writes one field of a record for the built-in aggregations: a tuple position, a tuple field name
 * ({@code f1}), a POJO field name, or the record itself (position 0 or {@code *} of a basic type).
 */
abstract class FieldAccessor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract Object get(T record);

    /** Sets the field on {@code record} and returns the record (a new one for basic types). */
    abstract T set(T record, Object value);

    static <T> FieldAccessor<T> forPosition(TypeInformation<T> type, int position) {
        if (type instanceof TupleTypeInfoBase) {
            int arity = type.getArity();
            if (position < 0 || position >= arity) {
                throw new IndexOutOfBoundsException("Cannot aggregate position " + position + " of " + type
                        + ": it has the positions 0.." + (arity - 1) + ".");
            }
            return new TupleField<>(position);
        }
        if (type instanceof BasicTypeInfo && position == 0) {
            return new Self<>();
        }
        throw new IllegalArgumentException("Cannot aggregate position " + position + " of " + type + ": positions"
                + " work on tuples (and 0 on basic types such as Integer); use a field name for POJOs.");
    }

    static <T> FieldAccessor<T> forName(TypeInformation<T> type, String field) {
        if (type instanceof TupleTypeInfoBase && field.matches("f\\d+")) {
            return forPosition(type, Integer.parseInt(field.substring(1)));
        }
        if (type instanceof BasicTypeInfo && ("*".equals(field) || "_".equals(field))) {
            return new Self<>();
        }
        if (type instanceof PojoTypeInfo) {
            Class<T> clazz = type.getTypeClass();
            for (Class<?> c = clazz; c != null; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(field);
                    f.setAccessible(true);
                    return new PojoField<>(clazz, field);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new IllegalArgumentException("Cannot aggregate field '" + field + "': " + clazz.getName()
                    + " has no such field.");
        }
        throw new IllegalArgumentException("Cannot aggregate field '" + field + "' of " + type + ": names work on"
                + " POJOs and tuples (f0, f1, ...).");
    }

    private static final class Self<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;

        @Override
        Object get(T record) {
            return record;
        }

        @Override
        @SuppressWarnings("unchecked")
        T set(T record, Object value) {
            return (T) value;
        }
    }

    private static final class TupleField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final int position;

        TupleField(int position) {
            this.position = position;
        }

        @Override
        Object get(T record) {
            return ((Tuple) record).getField(position);
        }

        @Override
        T set(T record, Object value) {
            ((Tuple) record).setField(value, position);
            return record;
        }
    }

    private static final class PojoField<T> extends FieldAccessor<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> clazz;
        private final String name;
        private transient Field field;

        PojoField(Class<T> clazz, String name) {
            this.clazz = clazz;
            this.name = name;
        }

        private Field field() {
            if (field == null) {
                for (Class<?> c = clazz; c != null && field == null; c = c.getSuperclass()) {
                    try {
                        field = c.getDeclaredField(name);
                        field.setAccessible(true);
                    } catch (NoSuchFieldException e) {
                        // look in the superclass
                    }
                }
            }
            return field;
        }

        @Override
        Object get(T record) {
            try {
                return field().get(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read field '" + name + "' of " + clazz.getName(), e);
            }
        }

        @Override
        T set(T record, Object value) {
            try {
                field().set(record, value);
                return record;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot write field '" + name + "' of " + clazz.getName(), e);
            }
        }
    }
}

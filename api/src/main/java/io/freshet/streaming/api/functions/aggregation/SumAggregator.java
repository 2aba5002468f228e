package io.freshet.streaming.api.functions.aggregation;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/**
 * Sums one field: the result is the running record (its other fields from the first record of the key) with the
 * field replaced by the sum, as Flink's {@code sum} does.
 */
public class SumAggregator<T> extends AggregationFunction<T> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T> accessor;
    private final TypeSerializer<T> serializer;

    public SumAggregator(int position, TypeInformation<T> type, TypeSerializer<T> serializer) {
        this.accessor = FieldAccessor.forPosition(type, position);
        this.serializer = serializer;
    }

    public SumAggregator(String field, TypeInformation<T> type, TypeSerializer<T> serializer) {
        this.accessor = FieldAccessor.forName(type, field);
        this.serializer = serializer;
    }

    @Override
    public T reduce(T value1, T value2) {
        Object sum = add(accessor.get(value1), accessor.get(value2));
        return accessor.set(serializer.copy(value1), sum);
    }

    static Object add(Object a, Object b) {
        if (a instanceof Integer) {
            return (Integer) a + (Integer) b;
        }
        if (a instanceof Long) {
            return (Long) a + (Long) b;
        }
        if (a instanceof Double) {
            return (Double) a + (Double) b;
        }
        if (a instanceof Float) {
            return (Float) a + (Float) b;
        }
        if (a instanceof Short) {
            return (short) ((Short) a + (Short) b);
        }
        if (a instanceof Byte) {
            return (byte) ((Byte) a + (Byte) b);
        }
        if (a instanceof BigInteger) {
            return ((BigInteger) a).add((BigInteger) b);
        }
        if (a instanceof BigDecimal) {
            return ((BigDecimal) a).add((BigDecimal) b);
        }
        throw new IllegalArgumentException("Cannot sum values of type " + (a == null ? "null" : a.getClass().getName())
                + ": sum works on numbers (Integer, Long, Double, Float, Short, Byte, BigInteger, BigDecimal).");
    }
}

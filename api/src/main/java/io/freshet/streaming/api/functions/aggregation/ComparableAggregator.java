package io.freshet.streaming.api.functions.aggregation;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/**
 * min and max (the running record with the field replaced by the extreme value) and minBy and maxBy (the whole
 * record holding the extreme value; on ties the first one, unless {@code first} is false).
 */
public class ComparableAggregator<T> extends AggregationFunction<T> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T> accessor;
    private final TypeSerializer<T> serializer;
    private final AggregationType type;
    private final boolean first;

    public ComparableAggregator(int position, TypeInformation<T> typeInfo, AggregationType type, boolean first,
            TypeSerializer<T> serializer) {
        this(FieldAccessor.forPosition(typeInfo, position), type, first, serializer);
    }

    public ComparableAggregator(String field, TypeInformation<T> typeInfo, AggregationType type, boolean first,
            TypeSerializer<T> serializer) {
        this(FieldAccessor.forName(typeInfo, field), type, first, serializer);
    }

    private ComparableAggregator(FieldAccessor<T> accessor, AggregationType type, boolean first,
            TypeSerializer<T> serializer) {
        this.accessor = accessor;
        this.type = type;
        this.first = first;
        this.serializer = serializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) {
        Object a = accessor.get(value1);
        Object b = accessor.get(value2);
        if (!(a instanceof Comparable)) {
            throw new IllegalArgumentException("Cannot take the " + type.name().toLowerCase() + " of values of type "
                    + (a == null ? "null" : a.getClass().getName()) + ": they are not Comparable.");
        }
        int comparison = ((Comparable<Object>) a).compareTo(b);
        boolean secondWins;
        switch (type) {
            case MIN:
                return comparison <= 0 ? value1 : accessor.set(serializer.copy(value1), b);
            case MAX:
                return comparison >= 0 ? value1 : accessor.set(serializer.copy(value1), b);
            case MINBY:
                secondWins = comparison > 0 || (comparison == 0 && !first);
                return secondWins ? value2 : value1;
            case MAXBY:
                secondWins = comparison < 0 || (comparison == 0 && !first);
                return secondWins ? value2 : value1;
            default:
                throw new IllegalStateException("not a comparison: " + type);
        }
    }
}

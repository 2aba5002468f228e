package io.freshet.api.java.typeutils;

import java.util.Arrays;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.CompositeType;

/** Type information of a type with positional fields. */
public abstract class TupleTypeInfoBase<T> extends CompositeType<T> {

    private static final long serialVersionUID = 1L;

    protected final TypeInformation<?>[] types;
    private final int totalFields;

    public TupleTypeInfoBase(Class<T> tupleType, TypeInformation<?>... types) {
        super(tupleType);
        this.types = types.clone();
        int total = 0;
        for (TypeInformation<?> type : types) {
            if (type == null) {
                throw new NullPointerException("a tuple field type is null in " + tupleType.getName());
            }
            total += type.getTotalFields();
        }
        this.totalFields = total;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    public boolean isCaseClass() {
        return false;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    public TypeInformation<?>[] getFieldTypes() {
        return types.clone();
    }

    @Override
    public int getTotalFields() {
        return totalFields;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new IndexOutOfBoundsException("field " + pos + " of a tuple with " + types.length + " fields");
        }
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public boolean hasDeterministicFieldOrder() {
        return true;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleTypeInfoBase)) {
            return false;
        }
        TupleTypeInfoBase<?> other = (TupleTypeInfoBase<?>) obj;
        return other.canEqual(this) && getTypeClass() == other.getTypeClass() && Arrays.equals(types, other.types);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TupleTypeInfoBase;
    }

    @Override
    public int hashCode() {
        return 31 * getTypeClass().hashCode() + Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getTypeClass().getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(types[i]);
        }
        return sb.append('>').toString();
    }
}

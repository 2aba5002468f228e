package io.freshet.api.java.typeutils.runtime;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.util.Arrays;

import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;
import io.freshet.types.NullFieldException;

/**
 * Serializes tuples field after field with the field serializers; no header, no per-field tags. A field may be
 * null only where its serializer writes null (strings, POJOs, Kryo types); otherwise serialization fails with a
 * {@link NullFieldException} that names the field.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;
    private final int length;
    private final boolean immutable;
    private transient byte[] kinds;
    private transient Constructor<T> constructor;

    @SuppressWarnings("unchecked")
    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
        this.tupleClass = tupleClass;
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.arity = fieldSerializers.length;
        int fixedLength = 0;
        for (TypeSerializer<?> serializer : fieldSerializers) {
            int fieldLength = serializer.getLength();
            fixedLength = (fixedLength < 0 || fieldLength < 0) ? -1 : fixedLength + fieldLength;
        }
        this.length = fixedLength;
        this.immutable = false;
        initTransients();
    }

    private void initTransients() {
        kinds = FieldCodec.kindsOf(fieldSerializers);
        if (tupleClass != Tuple.getTupleClass(arity)) {
            try {
                constructor = tupleClass.getDeclaredConstructor();
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("tuple subclass " + tupleClass.getName()
                        + " needs a no-argument constructor to be deserialized", e);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initTransients();
    }

    public Class<T> getTupleClass() {
        return tupleClass;
    }

    public int getArity() {
        return arity;
    }

    public TypeSerializer<Object>[] getFieldSerializers() {
        return fieldSerializers.clone();
    }

    // ---- TypeSerializer ----

    @Override
    public boolean isImmutableType() {
        return immutable;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = new TypeSerializer<?>[arity];
        boolean changed = false;
        for (int i = 0; i < arity; i++) {
            duplicates[i] = fieldSerializers[i].duplicate();
            changed |= duplicates[i] != fieldSerializers[i];
        }
        return changed ? new TupleSerializer<>(tupleClass, duplicates) : this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        T tuple = instantiate();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fieldSerializers[i].createInstance(), i);
        }
        return tuple;
    }

    @Override
    public T copy(T from) {
        T target = instantiate();
        for (int i = 0; i < arity; i++) {
            Object value = from.getField(i);
            target.setField(value == null ? null : fieldSerializers[i].copy(value), i);
        }
        return target;
    }

    @Override
    public T copy(T from, T reuse) {
        for (int i = 0; i < arity; i++) {
            Object value = from.getField(i);
            Object old = reuse.getField(i);
            Object copy = value == null ? null : old == null ? fieldSerializers[i].copy(value)
                    : fieldSerializers[i].copy(value, old);
            reuse.setField(copy, i);
        }
        return reuse;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            Object value = record.getField(i);
            try {
                FieldCodec.write(k[i], fieldSerializers[i], value, target);
            } catch (NullPointerException e) {
                throw new NullFieldException(i, e);
            }
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T tuple = instantiate();
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            tuple.setField(FieldCodec.read(k[i], fieldSerializers[i], source), i);
        }
        return tuple;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            reuse.setField(FieldCodec.read(k[i], fieldSerializers[i], reuse.getField(i), source), i);
        }
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        for (int i = 0; i < arity; i++) {
            fieldSerializers[i].copy(source, target);
        }
    }

    @SuppressWarnings("unchecked")
    private T instantiate() {
        if (constructor == null) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate tuple class " + tupleClass.getName() + ": " + e, e);
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleSerializer)) {
            return false;
        }
        TupleSerializer<?> other = (TupleSerializer<?>) obj;
        return tupleClass == other.tupleClass && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "TupleSerializer" + Arrays.toString(fieldSerializers);
    }

    @Override
    public TupleSerializerSnapshot<T> snapshotConfiguration() {
        return new TupleSerializerSnapshot<>(this);
    }

    /** Snapshot of a {@link TupleSerializer}: the tuple class and the field serializers' snapshots. */
    public static final class TupleSerializerSnapshot<T extends Tuple>
            extends CompositeTypeSerializerSnapshot<T, TupleSerializer<T>> {

        private Class<T> tupleClass;

        public TupleSerializerSnapshot() {}

        TupleSerializerSnapshot(TupleSerializer<T> serializer) {
            super(serializer);
            this.tupleClass = serializer.tupleClass;
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(TupleSerializer<T> outerSerializer) {
            return outerSerializer.fieldSerializers;
        }

        @Override
        protected TupleSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new TupleSerializer<>(tupleClass, nested);
        }

        @Override
        protected void writeOuterSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(tupleClass.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void readOuterSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            tupleClass = (Class<T>) TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(
                io.freshet.api.common.typeutils.TypeSerializerSnapshot<T> oldSnapshot) {
            return ((TupleSerializerSnapshot<T>) oldSnapshot).tupleClass == tupleClass
                    ? OuterSchemaCompatibility.COMPATIBLE_AS_IS
                    : OuterSchemaCompatibility.INCOMPATIBLE;
        }
    }
}

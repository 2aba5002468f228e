package io.freshet.api.java.typeutils.runtime;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.util.Arrays;

import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.tuple.Tuple1;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.api.java.tuple.Tuple4;
import io.freshet.api.java.tuple.Tuple5;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;
import io.freshet.types.NullFieldException;

/**
 * Serializes tuples field after field with the field serializers; no header, no per-field tags. A field may be
 * null only where its serializer writes null (strings, POJOs, Kryo types); otherwise serialization fails with a
 * {@link NullFieldException} that names the field.
 *
 * <p>The record path (serialize, both deserialize methods, both object copies) has a direct form for tuples of
 * arity 1 to 5, the ones that dominate real jobs: it reads and writes the public fields {@code f0..f4} of
 * {@code Tuple1..Tuple5} (and of their subclasses) in straight-line code, with each field's kind and serializer
 * held in a field of its own, instead of looping over arrays and going through {@code getField}/{@code setField},
 * whose virtual calls and position switches turn megamorphic as soon as a JVM runs tuples of several arities.
 * Both forms write and read exactly the same bytes, and treat null fields the same way.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** The largest arity with a direct record path. */
    private static final int MAX_DIRECT_ARITY = 5;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;
    private final int length;
    private final boolean immutable;
    private transient byte[] kinds;
    /** Null for the plain {@code Tuple<arity>} class, which is instantiated without reflection. */
    private transient Constructor<T> constructor;

    // ---- the direct record path (see the class comment): 0 where it does not apply ----
    private transient int directArity;
    private transient byte kind0;
    private transient byte kind1;
    private transient byte kind2;
    private transient byte kind3;
    private transient byte kind4;
    private transient TypeSerializer<Object> field0;
    private transient TypeSerializer<Object> field1;
    private transient TypeSerializer<Object> field2;
    private transient TypeSerializer<Object> field3;
    private transient TypeSerializer<Object> field4;

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
        boolean direct = arity >= 1 && arity <= MAX_DIRECT_ARITY
                && Tuple.getTupleClass(arity).isAssignableFrom(tupleClass);
        directArity = direct ? arity : 0;
        if (!direct) {
            return;
        }
        kind0 = kinds[0];
        field0 = fieldSerializers[0];
        if (arity > 1) {
            kind1 = kinds[1];
            field1 = fieldSerializers[1];
        }
        if (arity > 2) {
            kind2 = kinds[2];
            field2 = fieldSerializers[2];
        }
        if (arity > 3) {
            kind3 = kinds[3];
            field3 = fieldSerializers[3];
        }
        if (arity > 4) {
            kind4 = kinds[4];
            field4 = fieldSerializers[4];
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
        switch (directArity) {
            case 1:
                return copy1(from, instantiate(), false);
            case 2:
                return copy2(from, instantiate(), false);
            case 3:
                return copy3(from, instantiate(), false);
            case 4:
                return copy4(from, instantiate(), false);
            case 5:
                return copy5(from, instantiate(), false);
            default:
                return copyGeneral(from);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        switch (directArity) {
            case 1:
                return copy1(from, reuse, true);
            case 2:
                return copy2(from, reuse, true);
            case 3:
                return copy3(from, reuse, true);
            case 4:
                return copy4(from, reuse, true);
            case 5:
                return copy5(from, reuse, true);
            default:
                return copyGeneral(from, reuse);
        }
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        switch (directArity) {
            case 1:
                write1(record, target);
                return;
            case 2:
                write2(record, target);
                return;
            case 3:
                write3(record, target);
                return;
            case 4:
                write4(record, target);
                return;
            case 5:
                write5(record, target);
                return;
            default:
                serializeGeneral(record, target);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        switch (directArity) {
            case 1:
                return read1(instantiate(), false, source);
            case 2:
                return read2(instantiate(), false, source);
            case 3:
                return read3(instantiate(), false, source);
            case 4:
                return read4(instantiate(), false, source);
            case 5:
                return read5(instantiate(), false, source);
            default:
                return deserializeGeneral(source);
        }
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        switch (directArity) {
            case 1:
                return read1(reuse, true, source);
            case 2:
                return read2(reuse, true, source);
            case 3:
                return read3(reuse, true, source);
            case 4:
                return read4(reuse, true, source);
            case 5:
                return read5(reuse, true, source);
            default:
                return deserializeGeneral(reuse, source);
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        for (int i = 0; i < arity; i++) {
            fieldSerializers[i].copy(source, target);
        }
    }

    // ---- the direct record path, one method per arity and operation ----

    /** Writes a field (a null one only where its serializer writes null); names the field if it may not be null. */
    private static void writeField(byte kind, TypeSerializer<Object> serializer, Object value, int position,
            DataOutputView target) throws IOException {
        try {
            FieldCodec.write(kind, serializer, value, target);
        } catch (NullPointerException e) {
            throw new NullFieldException(position, e);
        }
    }

    /**
     * Reads a field; with {@code reuse} the field's current value is handed to its serializer to be reused (as the
     * general path does), without it the field is read afresh (a subclass's constructor may have set a value that
     * must not be overwritten in place).
     */
    private static Object readField(byte kind, TypeSerializer<Object> serializer, Object current, boolean reuse,
            DataInputView source) throws IOException {
        return reuse ? FieldCodec.read(kind, serializer, current, source) : FieldCodec.read(kind, serializer, source);
    }

    /** Copies a field value, with or without reusing the field's current value, as {@link #readField}. */
    private static Object copyField(byte kind, TypeSerializer<Object> serializer, Object value, Object current,
            boolean reuse) {
        return reuse ? FieldCodec.copy(kind, serializer, value, current) : FieldCodec.copy(kind, serializer, value);
    }

    @SuppressWarnings("unchecked")
    private void write1(T record, DataOutputView target) throws IOException {
        Tuple1<Object> t = (Tuple1<Object>) record;
        writeField(kind0, field0, t.f0, 0, target);
    }

    @SuppressWarnings("unchecked")
    private T read1(T tuple, boolean reuse, DataInputView source) throws IOException {
        Tuple1<Object> t = (Tuple1<Object>) tuple;
        t.f0 = readField(kind0, field0, t.f0, reuse, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copy1(T from, T target, boolean reuse) {
        Tuple1<Object> f = (Tuple1<Object>) from;
        Tuple1<Object> t = (Tuple1<Object>) target;
        t.f0 = copyField(kind0, field0, f.f0, t.f0, reuse);
        return target;
    }

    @SuppressWarnings("unchecked")
    private void write2(T record, DataOutputView target) throws IOException {
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) record;
        writeField(kind0, field0, t.f0, 0, target);
        writeField(kind1, field1, t.f1, 1, target);
    }

    @SuppressWarnings("unchecked")
    private T read2(T tuple, boolean reuse, DataInputView source) throws IOException {
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) tuple;
        t.f0 = readField(kind0, field0, t.f0, reuse, source);
        t.f1 = readField(kind1, field1, t.f1, reuse, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copy2(T from, T target, boolean reuse) {
        Tuple2<Object, Object> f = (Tuple2<Object, Object>) from;
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) target;
        t.f0 = copyField(kind0, field0, f.f0, t.f0, reuse);
        t.f1 = copyField(kind1, field1, f.f1, t.f1, reuse);
        return target;
    }

    @SuppressWarnings("unchecked")
    private void write3(T record, DataOutputView target) throws IOException {
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) record;
        writeField(kind0, field0, t.f0, 0, target);
        writeField(kind1, field1, t.f1, 1, target);
        writeField(kind2, field2, t.f2, 2, target);
    }

    @SuppressWarnings("unchecked")
    private T read3(T tuple, boolean reuse, DataInputView source) throws IOException {
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) tuple;
        t.f0 = readField(kind0, field0, t.f0, reuse, source);
        t.f1 = readField(kind1, field1, t.f1, reuse, source);
        t.f2 = readField(kind2, field2, t.f2, reuse, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copy3(T from, T target, boolean reuse) {
        Tuple3<Object, Object, Object> f = (Tuple3<Object, Object, Object>) from;
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) target;
        t.f0 = copyField(kind0, field0, f.f0, t.f0, reuse);
        t.f1 = copyField(kind1, field1, f.f1, t.f1, reuse);
        t.f2 = copyField(kind2, field2, f.f2, t.f2, reuse);
        return target;
    }

    @SuppressWarnings("unchecked")
    private void write4(T record, DataOutputView target) throws IOException {
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) record;
        writeField(kind0, field0, t.f0, 0, target);
        writeField(kind1, field1, t.f1, 1, target);
        writeField(kind2, field2, t.f2, 2, target);
        writeField(kind3, field3, t.f3, 3, target);
    }

    @SuppressWarnings("unchecked")
    private T read4(T tuple, boolean reuse, DataInputView source) throws IOException {
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) tuple;
        t.f0 = readField(kind0, field0, t.f0, reuse, source);
        t.f1 = readField(kind1, field1, t.f1, reuse, source);
        t.f2 = readField(kind2, field2, t.f2, reuse, source);
        t.f3 = readField(kind3, field3, t.f3, reuse, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copy4(T from, T target, boolean reuse) {
        Tuple4<Object, Object, Object, Object> f = (Tuple4<Object, Object, Object, Object>) from;
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) target;
        t.f0 = copyField(kind0, field0, f.f0, t.f0, reuse);
        t.f1 = copyField(kind1, field1, f.f1, t.f1, reuse);
        t.f2 = copyField(kind2, field2, f.f2, t.f2, reuse);
        t.f3 = copyField(kind3, field3, f.f3, t.f3, reuse);
        return target;
    }

    @SuppressWarnings("unchecked")
    private void write5(T record, DataOutputView target) throws IOException {
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) record;
        writeField(kind0, field0, t.f0, 0, target);
        writeField(kind1, field1, t.f1, 1, target);
        writeField(kind2, field2, t.f2, 2, target);
        writeField(kind3, field3, t.f3, 3, target);
        writeField(kind4, field4, t.f4, 4, target);
    }

    @SuppressWarnings("unchecked")
    private T read5(T tuple, boolean reuse, DataInputView source) throws IOException {
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) tuple;
        t.f0 = readField(kind0, field0, t.f0, reuse, source);
        t.f1 = readField(kind1, field1, t.f1, reuse, source);
        t.f2 = readField(kind2, field2, t.f2, reuse, source);
        t.f3 = readField(kind3, field3, t.f3, reuse, source);
        t.f4 = readField(kind4, field4, t.f4, reuse, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copy5(T from, T target, boolean reuse) {
        Tuple5<Object, Object, Object, Object, Object> f = (Tuple5<Object, Object, Object, Object, Object>) from;
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) target;
        t.f0 = copyField(kind0, field0, f.f0, t.f0, reuse);
        t.f1 = copyField(kind1, field1, f.f1, t.f1, reuse);
        t.f2 = copyField(kind2, field2, f.f2, t.f2, reuse);
        t.f3 = copyField(kind3, field3, f.f3, t.f3, reuse);
        t.f4 = copyField(kind4, field4, f.f4, t.f4, reuse);
        return target;
    }

    // ---- the general record path: any arity, through getField/setField ----

    private T copyGeneral(T from) {
        T target = instantiate();
        for (int i = 0; i < arity; i++) {
            target.setField(FieldCodec.copy(kinds[i], fieldSerializers[i], from.getField(i)), i);
        }
        return target;
    }

    private T copyGeneral(T from, T reuse) {
        for (int i = 0; i < arity; i++) {
            reuse.setField(FieldCodec.copy(kinds[i], fieldSerializers[i], from.getField(i), reuse.getField(i)), i);
        }
        return reuse;
    }

    private void serializeGeneral(T record, DataOutputView target) throws IOException {
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            writeField(k[i], fieldSerializers[i], record.getField(i), i, target);
        }
    }

    private T deserializeGeneral(DataInputView source) throws IOException {
        T tuple = instantiate();
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            tuple.setField(FieldCodec.read(k[i], fieldSerializers[i], source), i);
        }
        return tuple;
    }

    private T deserializeGeneral(T reuse, DataInputView source) throws IOException {
        byte[] k = kinds;
        for (int i = 0; i < arity; i++) {
            reuse.setField(FieldCodec.read(k[i], fieldSerializers[i], reuse.getField(i), source), i);
        }
        return reuse;
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

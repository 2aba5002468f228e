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
        if (constructor != null) {
            // a subclass's constructor may set fields: copy field by field, never into what it set
            return copyGeneral(from);
        }
        switch (directArity) {
            case 1:
                return copyTuple1(from, newTuple1());
            case 2:
                return copyTuple2(from, newTuple2());
            case 3:
                return copyTuple3(from, newTuple3());
            case 4:
                return copyTuple4(from, newTuple4());
            case 5:
                return copyTuple5(from, newTuple5());
            default:
                return copyGeneral(from);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        switch (directArity) {
            case 1:
                return copyTuple1(from, reuse);
            case 2:
                return copyTuple2(from, reuse);
            case 3:
                return copyTuple3(from, reuse);
            case 4:
                return copyTuple4(from, reuse);
            case 5:
                return copyTuple5(from, reuse);
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
                writeTuple1(record, target);
                return;
            case 2:
                writeTuple2(record, target);
                return;
            case 3:
                writeTuple3(record, target);
                return;
            case 4:
                writeTuple4(record, target);
                return;
            case 5:
                writeTuple5(record, target);
                return;
            default:
                serializeGeneral(record, target);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (constructor != null) {
            // a subclass's constructor may set fields: read every field afresh, never into what it set
            return deserializeGeneral(source);
        }
        switch (directArity) {
            case 1:
                return readTuple1(newTuple1(), source);
            case 2:
                return readTuple2(newTuple2(), source);
            case 3:
                return readTuple3(newTuple3(), source);
            case 4:
                return readTuple4(newTuple4(), source);
            case 5:
                return readTuple5(newTuple5(), source);
            default:
                return deserializeGeneral(source);
        }
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        switch (directArity) {
            case 1:
                return readTuple1(reuse, source);
            case 2:
                return readTuple2(reuse, source);
            case 3:
                return readTuple3(reuse, source);
            case 4:
                return readTuple4(reuse, source);
            case 5:
                return readTuple5(reuse, source);
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

    // ---- the direct record path ----
    //
    // Why so many small methods: HotSpot inlines a method of at most 35 bytecodes at any call site, a larger one only
    // where the profile says the call is frequent. When several tuple arities share this serializer class, each
    // arity's case is no longer "frequent", so the per-arity methods for Tuple1 and Tuple2 (the commonest) are kept
    // under that size, and every per-field helper is; then a Tuple2's record path inlines into the caller's loop
    // whatever else the JVM runs.

    /** Writes a field (a null one only where its serializer writes null); names the field if it may not be null. */
    private static void writeField(byte kind, TypeSerializer<Object> serializer, Object value, int position,
            DataOutputView target) throws IOException {
        try {
            FieldCodec.write(kind, serializer, value, target);
        } catch (NullPointerException e) {
            throw new NullFieldException(position, e);
        }
    }

    private void writeField0(Object value, DataOutputView target) throws IOException {
        writeField(kind0, field0, value, 0, target);
    }

    /** Reads field 0, handing its current value to its serializer for reuse where it has one. */
    private Object readField0(Object current, DataInputView source) throws IOException {
        return FieldCodec.read(kind0, field0, current, source);
    }

    private Object copyField0(Object value, Object current) {
        return FieldCodec.copy(kind0, field0, value, current);
    }

    private void writeField1(Object value, DataOutputView target) throws IOException {
        writeField(kind1, field1, value, 1, target);
    }

    /** Reads field 1, handing its current value to its serializer for reuse where it has one. */
    private Object readField1(Object current, DataInputView source) throws IOException {
        return FieldCodec.read(kind1, field1, current, source);
    }

    private Object copyField1(Object value, Object current) {
        return FieldCodec.copy(kind1, field1, value, current);
    }

    private void writeField2(Object value, DataOutputView target) throws IOException {
        writeField(kind2, field2, value, 2, target);
    }

    /** Reads field 2, handing its current value to its serializer for reuse where it has one. */
    private Object readField2(Object current, DataInputView source) throws IOException {
        return FieldCodec.read(kind2, field2, current, source);
    }

    private Object copyField2(Object value, Object current) {
        return FieldCodec.copy(kind2, field2, value, current);
    }

    private void writeField3(Object value, DataOutputView target) throws IOException {
        writeField(kind3, field3, value, 3, target);
    }

    /** Reads field 3, handing its current value to its serializer for reuse where it has one. */
    private Object readField3(Object current, DataInputView source) throws IOException {
        return FieldCodec.read(kind3, field3, current, source);
    }

    private Object copyField3(Object value, Object current) {
        return FieldCodec.copy(kind3, field3, value, current);
    }

    private void writeField4(Object value, DataOutputView target) throws IOException {
        writeField(kind4, field4, value, 4, target);
    }

    /** Reads field 4, handing its current value to its serializer for reuse where it has one. */
    private Object readField4(Object current, DataInputView source) throws IOException {
        return FieldCodec.read(kind4, field4, current, source);
    }

    private Object copyField4(Object value, Object current) {
        return FieldCodec.copy(kind4, field4, value, current);
    }

    @SuppressWarnings("unchecked")
    private T newTuple1() {
        return (T) new Tuple1<>();
    }

    @SuppressWarnings("unchecked")
    private void writeTuple1(T record, DataOutputView target) throws IOException {
        Tuple1<Object> t = (Tuple1<Object>) record;
        writeField0(t.f0, target);
    }

    @SuppressWarnings("unchecked")
    private T readTuple1(T tuple, DataInputView source) throws IOException {
        Tuple1<Object> t = (Tuple1<Object>) tuple;
        t.f0 = readField0(t.f0, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copyTuple1(T from, T target) {
        Tuple1<Object> f = (Tuple1<Object>) from;
        Tuple1<Object> t = (Tuple1<Object>) target;
        t.f0 = copyField0(f.f0, t.f0);
        return target;
    }

    @SuppressWarnings("unchecked")
    private T newTuple2() {
        return (T) new Tuple2<>();
    }

    @SuppressWarnings("unchecked")
    private void writeTuple2(T record, DataOutputView target) throws IOException {
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) record;
        writeField0(t.f0, target);
        writeField1(t.f1, target);
    }

    @SuppressWarnings("unchecked")
    private T readTuple2(T tuple, DataInputView source) throws IOException {
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) tuple;
        t.f0 = readField0(t.f0, source);
        t.f1 = readField1(t.f1, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copyTuple2(T from, T target) {
        Tuple2<Object, Object> f = (Tuple2<Object, Object>) from;
        Tuple2<Object, Object> t = (Tuple2<Object, Object>) target;
        t.f0 = copyField0(f.f0, t.f0);
        t.f1 = copyField1(f.f1, t.f1);
        return target;
    }

    @SuppressWarnings("unchecked")
    private T newTuple3() {
        return (T) new Tuple3<>();
    }

    @SuppressWarnings("unchecked")
    private void writeTuple3(T record, DataOutputView target) throws IOException {
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) record;
        writeField0(t.f0, target);
        writeField1(t.f1, target);
        writeField2(t.f2, target);
    }

    @SuppressWarnings("unchecked")
    private T readTuple3(T tuple, DataInputView source) throws IOException {
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) tuple;
        t.f0 = readField0(t.f0, source);
        t.f1 = readField1(t.f1, source);
        t.f2 = readField2(t.f2, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copyTuple3(T from, T target) {
        Tuple3<Object, Object, Object> f = (Tuple3<Object, Object, Object>) from;
        Tuple3<Object, Object, Object> t = (Tuple3<Object, Object, Object>) target;
        t.f0 = copyField0(f.f0, t.f0);
        t.f1 = copyField1(f.f1, t.f1);
        t.f2 = copyField2(f.f2, t.f2);
        return target;
    }

    @SuppressWarnings("unchecked")
    private T newTuple4() {
        return (T) new Tuple4<>();
    }

    @SuppressWarnings("unchecked")
    private void writeTuple4(T record, DataOutputView target) throws IOException {
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) record;
        writeField0(t.f0, target);
        writeField1(t.f1, target);
        writeField2(t.f2, target);
        writeField3(t.f3, target);
    }

    @SuppressWarnings("unchecked")
    private T readTuple4(T tuple, DataInputView source) throws IOException {
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) tuple;
        t.f0 = readField0(t.f0, source);
        t.f1 = readField1(t.f1, source);
        t.f2 = readField2(t.f2, source);
        t.f3 = readField3(t.f3, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copyTuple4(T from, T target) {
        Tuple4<Object, Object, Object, Object> f = (Tuple4<Object, Object, Object, Object>) from;
        Tuple4<Object, Object, Object, Object> t = (Tuple4<Object, Object, Object, Object>) target;
        t.f0 = copyField0(f.f0, t.f0);
        t.f1 = copyField1(f.f1, t.f1);
        t.f2 = copyField2(f.f2, t.f2);
        t.f3 = copyField3(f.f3, t.f3);
        return target;
    }

    @SuppressWarnings("unchecked")
    private T newTuple5() {
        return (T) new Tuple5<>();
    }

    @SuppressWarnings("unchecked")
    private void writeTuple5(T record, DataOutputView target) throws IOException {
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) record;
        writeField0(t.f0, target);
        writeField1(t.f1, target);
        writeField2(t.f2, target);
        writeField3(t.f3, target);
        writeField4(t.f4, target);
    }

    @SuppressWarnings("unchecked")
    private T readTuple5(T tuple, DataInputView source) throws IOException {
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) tuple;
        t.f0 = readField0(t.f0, source);
        t.f1 = readField1(t.f1, source);
        t.f2 = readField2(t.f2, source);
        t.f3 = readField3(t.f3, source);
        t.f4 = readField4(t.f4, source);
        return tuple;
    }

    @SuppressWarnings("unchecked")
    private T copyTuple5(T from, T target) {
        Tuple5<Object, Object, Object, Object, Object> f = (Tuple5<Object, Object, Object, Object, Object>) from;
        Tuple5<Object, Object, Object, Object, Object> t = (Tuple5<Object, Object, Object, Object, Object>) target;
        t.f0 = copyField0(f.f0, t.f0);
        t.f1 = copyField1(f.f1, t.f1);
        t.f2 = copyField2(f.f2, t.f2);
        t.f3 = copyField3(f.f3, t.f3);
        t.f4 = copyField4(f.f4, t.f4);
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

package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code double[]} as the element count (an int) followed by the elements, 8 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class DoublePrimitiveArraySerializer extends TypeSerializerSingleton<double[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 8;

    private static final double[] EMPTY = new double[0];

    public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public double[] createInstance() {
        return EMPTY;
    }

    @Override
    public double[] copy(double[] from) {
        return from.clone();
    }

    @Override
    public double[] copy(double[] from, double[] reuse) {
        if (reuse == null || reuse.length != from.length) {
            return from.clone();
        }
        System.arraycopy(from, 0, reuse, 0, from.length);
        return reuse;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("DoublePrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeDouble(record[i]);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        double[] result = length == 0 ? EMPTY : new double[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public double[] deserialize(double[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        double[] result = reuse != null && reuse.length == length ? reuse : new double[length];
        readElements(source, result);
        return result;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        target.write(source, length * ELEMENT_BYTES);
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for DoublePrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, double[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readDouble();
        }
    }

    @Override
    public TypeSerializerSnapshot<double[]> snapshotConfiguration() {
        return new DoublePrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link DoublePrimitiveArraySerializer}. */
    public static final class DoublePrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<double[]> {

        public DoublePrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

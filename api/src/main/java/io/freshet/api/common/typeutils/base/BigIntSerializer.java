package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.math.BigInteger;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link BigInteger} values, null included: an int {@code n}, then the {@code n} bytes of the
 * two's-complement big-endian representation ({@link BigInteger#toByteArray()}). That representation is never
 * empty, so {@code n == 0} marks null.
 */
public final class BigIntSerializer extends TypeSerializerSingleton<BigInteger> {

    private static final long serialVersionUID = 1L;

    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigInteger createInstance() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger copy(BigInteger from) {
        return from;
    }

    @Override
    public BigInteger copy(BigInteger from, BigInteger reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        writeBigInteger(record, target);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    @Override
    public BigInteger deserialize(BigInteger reuse, DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        copyBigInteger(source, target);
    }

    /** Writes {@code record} (may be null) in this serializer's format; used by {@link BigDecSerializer}. */
    public static void writeBigInteger(BigInteger record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(0);
            return;
        }
        byte[] bytes = record.toByteArray();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    public static BigInteger readBigInteger(DataInputView source) throws IOException {
        int length = readLength(source);
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }

    /** Copies one value; returns true when it was null (Flink's contract for this method). */
    public static boolean copyBigInteger(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        target.write(source, length);
        return length == 0;
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for BigIntSerializer: negative length " + length);
        }
        return length;
    }

    @Override
    public TypeSerializerSnapshot<BigInteger> snapshotConfiguration() {
        return new BigIntSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link BigIntSerializer}. */
    public static final class BigIntSerializerSnapshot extends SimpleTypeSerializerSnapshot<BigInteger> {

        public BigIntSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

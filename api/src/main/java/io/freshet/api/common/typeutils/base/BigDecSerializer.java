package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link BigDecimal} values, null included: the unscaled value in {@link BigIntSerializer}'s format
 * (whose null marker stands for a null decimal), then the scale as an int.
 */
public final class BigDecSerializer extends TypeSerializerSingleton<BigDecimal> {

    private static final long serialVersionUID = 1L;

    public static final BigDecSerializer INSTANCE = new BigDecSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigDecimal createInstance() {
        return BigDecimal.ZERO;
    }

    @Override
    public BigDecimal copy(BigDecimal from) {
        return from;
    }

    @Override
    public BigDecimal copy(BigDecimal from, BigDecimal reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigDecimal record, DataOutputView target) throws IOException {
        if (record == null) {
            BigIntSerializer.writeBigInteger(null, target);
            return;
        }
        BigIntSerializer.writeBigInteger(record.unscaledValue(), target);
        target.writeInt(record.scale());
    }

    @Override
    public BigDecimal deserialize(DataInputView source) throws IOException {
        return readBigDecimal(source);
    }

    @Override
    public BigDecimal deserialize(BigDecimal reuse, DataInputView source) throws IOException {
        return readBigDecimal(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        boolean isNull = BigIntSerializer.copyBigInteger(source, target);
        if (!isNull) {
            target.writeInt(source.readInt());
        }
    }

    public static BigDecimal readBigDecimal(DataInputView source) throws IOException {
        BigInteger unscaled = BigIntSerializer.readBigInteger(source);
        if (unscaled == null) {
            return null;
        }
        return new BigDecimal(unscaled, source.readInt());
    }

    @Override
    public TypeSerializerSnapshot<BigDecimal> snapshotConfiguration() {
        return new BigDecSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link BigDecSerializer}. */
    public static final class BigDecSerializerSnapshot extends SimpleTypeSerializerSnapshot<BigDecimal> {

        public BigDecSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

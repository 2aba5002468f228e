package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.util.Date;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link Date} values, null included, in 9 bytes: a presence byte (0 = null, 1 = present) and the
 * milliseconds since the epoch. The presence byte keeps every long representable (no value is reserved for null)
 * while the length stays fixed.
 */
public final class DateSerializer extends TypeSerializerSingleton<Date> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 9;

    public static final DateSerializer INSTANCE = new DateSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Date createInstance() {
        return new Date();
    }

    @Override
    public Date copy(Date from) {
        return from == null ? null : new Date(from.getTime());
    }

    @Override
    public Date copy(Date from, Date reuse) {
        if (from == null) {
            return null;
        }
        if (reuse == null) {
            return new Date(from.getTime());
        }
        reuse.setTime(from.getTime());
        return reuse;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Date record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(0);
            target.writeLong(0L);
        } else {
            target.writeByte(1);
            target.writeLong(record.getTime());
        }
    }

    @Override
    public Date deserialize(DataInputView source) throws IOException {
        boolean present = readPresence(source);
        long time = source.readLong();
        return present ? new Date(time) : null;
    }

    @Override
    public Date deserialize(Date reuse, DataInputView source) throws IOException {
        boolean present = readPresence(source);
        long time = source.readLong();
        if (!present) {
            return null;
        }
        if (reuse == null) {
            return new Date(time);
        }
        reuse.setTime(time);
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeByte(source.readByte());
        target.writeLong(source.readLong());
    }

    private static boolean readPresence(DataInputView source) throws IOException {
        byte flag = source.readByte();
        if (flag != 0 && flag != 1) {
            throw new IOException("corrupt input for DateSerializer: presence byte " + flag);
        }
        return flag == 1;
    }

    @Override
    public TypeSerializerSnapshot<Date> snapshotConfiguration() {
        return new DateSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link DateSerializer}. */
    public static final class DateSerializerSnapshot extends SimpleTypeSerializerSnapshot<Date> {

        public DateSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

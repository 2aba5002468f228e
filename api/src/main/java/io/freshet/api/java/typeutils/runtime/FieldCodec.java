package io.freshet.api.java.typeutils.runtime;

import java.io.IOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.BooleanSerializer;
import io.freshet.api.common.typeutils.base.ByteSerializer;
import io.freshet.api.common.typeutils.base.CharSerializer;
import io.freshet.api.common.typeutils.base.DoubleSerializer;
import io.freshet.api.common.typeutils.base.FloatSerializer;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.ShortSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The record path of composite serializers: the fields of tuples and POJOs whose serializer is one of the common
 * basic ones are written inline through a switch on a per-field kind, so that the JIT sees straight-line code
 * instead of a megamorphic call through an array of serializers. The bytes are exactly those the field's own
 * serializer writes, so both paths may be mixed freely.
 *
 * <p>Every kind but {@link #GENERIC} stands for an immutable value type whose serializer's copy is the value itself,
 * and writes a non-null value only: a null there fails with a {@link NullPointerException}, which the composite
 * serializer reports with the field's position.
 */
final class FieldCodec {

    static final byte GENERIC = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte BOOLEAN = 5;
    static final byte FLOAT = 6;
    static final byte SHORT = 7;
    static final byte BYTE = 8;
    static final byte CHAR = 9;

    private FieldCodec() {}

    static byte kindOf(TypeSerializer<?> serializer) {
        Class<?> type = serializer.getClass();
        if (type == StringSerializer.class) {
            return STRING;
        }
        if (type == IntSerializer.class) {
            return INT;
        }
        if (type == LongSerializer.class) {
            return LONG;
        }
        if (type == DoubleSerializer.class) {
            return DOUBLE;
        }
        if (type == BooleanSerializer.class) {
            return BOOLEAN;
        }
        if (type == FloatSerializer.class) {
            return FLOAT;
        }
        if (type == ShortSerializer.class) {
            return SHORT;
        }
        if (type == ByteSerializer.class) {
            return BYTE;
        }
        if (type == CharSerializer.class) {
            return CHAR;
        }
        return GENERIC;
    }

    static byte[] kindsOf(TypeSerializer<?>[] serializers) {
        byte[] kinds = new byte[serializers.length];
        for (int i = 0; i < serializers.length; i++) {
            kinds[i] = kindOf(serializers[i]);
        }
        return kinds;
    }

    /** Writes a non-null field value. */
    static void write(byte kind, TypeSerializer<Object> serializer, Object value, DataOutputView out)
            throws IOException {
        switch (kind) {
            case STRING:
                StringSerializer.writeString((String) value, out);
                return;
            case INT:
                out.writeInt((Integer) value);
                return;
            case LONG:
                out.writeLong((Long) value);
                return;
            case DOUBLE:
                out.writeDouble((Double) value);
                return;
            case BOOLEAN:
                out.writeBoolean((Boolean) value);
                return;
            case FLOAT:
                out.writeFloat((Float) value);
                return;
            case SHORT:
                out.writeShort((Short) value);
                return;
            case BYTE:
                out.writeByte((Byte) value);
                return;
            case CHAR:
                out.writeChar((Character) value);
                return;
            default:
                serializer.serialize(value, out);
        }
    }

    static Object read(byte kind, TypeSerializer<Object> serializer, DataInputView in) throws IOException {
        switch (kind) {
            case STRING:
                return StringSerializer.readString(in);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case FLOAT:
                return in.readFloat();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHAR:
                return in.readChar();
            default:
                return serializer.deserialize(in);
        }
    }

    static Object read(byte kind, TypeSerializer<Object> serializer, Object reuse, DataInputView in)
            throws IOException {
        if (kind != GENERIC || reuse == null) {
            return read(kind, serializer, in);
        }
        return serializer.deserialize(reuse, in);
    }

    /** Copies a field value (may be null): the value itself for the immutable kinds. */
    static Object copy(byte kind, TypeSerializer<Object> serializer, Object value) {
        if (kind != GENERIC || value == null) {
            return value;
        }
        return serializer.copy(value);
    }

    /** Copies a field value (may be null), into {@code reuse} where the field's serializer can. */
    static Object copy(byte kind, TypeSerializer<Object> serializer, Object value, Object reuse) {
        if (kind != GENERIC || value == null) {
            return value;
        }
        return reuse == null ? serializer.copy(value) : serializer.copy(value, reuse);
    }
}

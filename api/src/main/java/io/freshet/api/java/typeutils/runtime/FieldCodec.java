package io.freshet.api.java.typeutils.runtime;

import java.io.IOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.BooleanSerializer;
import io.freshet.api.common.typeutils.base.DoubleSerializer;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The record path of composite serializers: the fields of tuples and POJOs whose serializer is one of the common
 * basic ones are written inline through a switch on a per-field kind, so that the JIT sees straight-line code
 * instead of a megamorphic call through an array of serializers. The bytes are exactly those the field's own
 * serializer writes, so both paths may be mixed freely.
 */
final class FieldCodec {

    static final byte GENERIC = 0;
    static final byte STRING = 1;
    static final byte INT = 2;
    static final byte LONG = 3;
    static final byte DOUBLE = 4;
    static final byte BOOLEAN = 5;

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
}

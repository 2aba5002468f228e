package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Serializes non-null {@link Character} values as 2 big-endian bytes. */
public final class CharSerializer extends TypeSerializerSingleton<Character> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 2;

    public static final CharSerializer INSTANCE = new CharSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Character createInstance() {
        return Character.valueOf((char) 0);
    }

    @Override
    public Character copy(Character from) {
        return from;
    }

    @Override
    public Character copy(Character from, Character reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Character record, DataOutputView target) throws IOException {
        target.writeChar(record);
    }

    @Override
    public Character deserialize(DataInputView source) throws IOException {
        return source.readChar();
    }

    @Override
    public Character deserialize(Character reuse, DataInputView source) throws IOException {
        return source.readChar();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeShort(source.readShort());
    }

    @Override
    public TypeSerializerSnapshot<Character> snapshotConfiguration() {
        return new CharSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link CharSerializer}. */
    public static final class CharSerializerSnapshot extends SimpleTypeSerializerSnapshot<Character> {

        public CharSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}

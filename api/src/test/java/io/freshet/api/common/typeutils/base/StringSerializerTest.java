package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.PagedTestOutputView;
import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.DataOutputView;

class StringSerializerTest extends SerializerTestBase<String> {

    @Override
    protected TypeSerializer<String> createSerializer() {
        return StringSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    protected String[] getTestData() {
        return new RandomTestData().strings(40, true);
    }

    // ---- the format ----

    @Test
    void nullIsTheSingleByteZero() throws IOException {
        assertThat(serialize(StringSerializer.INSTANCE, null)).containsExactly(0);
    }

    @Test
    void asciiStringIsEvenHeaderFollowedByOneBytePerChar() throws IOException {
        assertThat(serialize(StringSerializer.INSTANCE, "")).containsExactly(1);
        assertThat(serialize(StringSerializer.INSTANCE, "ab")).containsExactly(5, 'a', 'b');
    }

    @Test
    void nonAsciiStringIsOddHeaderFollowedByVarintChars() throws IOException {
        // 'é' = 0xE9 -> 0xE9 0x01; '\u4000' -> 0x80 0x80 0x01; header 2 * 3 + 1 + 1 = 8
        assertThat(serialize(StringSerializer.INSTANCE, "a\u00E9\u4000"))
                .containsExactly(8, 'a', 0xE9, 0x01, 0x80, 0x80, 0x01);
    }

    @Test
    void headerGrowsToTwoBytesAtSixtyFourAsciiChars() throws IOException {
        assertThat(serialize(StringSerializer.INSTANCE, "x".repeat(63))).hasSize(1 + 63);
        byte[] bytes = serialize(StringSerializer.INSTANCE, "x".repeat(64));
        assertThat(bytes).hasSize(2 + 64);
        assertThat(bytes[0] & 0xFF).isEqualTo(0x80 | (129 & 0x7F));
        assertThat(bytes[1]).isEqualTo((byte) 1);
    }

    @Test
    void charAboveSurrogatesTakesThreeBytes() throws IOException {
        assertThat(serialize(StringSerializer.INSTANCE, "\uFFFF")).containsExactly(4, 0xFF, 0xFF, 0x03);
    }

    // ---- views ----

    @Test
    void readsFromTheMiddleOfADeserializerBuffer() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeInt(7);
        StringSerializer.writeString("middle", out);
        StringSerializer.writeString("\u00FCber", out);
        out.writeInt(9);
        byte[] bytes = out.getCopyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer(bytes, 4, bytes.length - 8);

        assertThat(StringSerializer.readString(in)).isEqualTo("middle");
        assertThat(StringSerializer.readString(in)).isEqualTo("\u00FCber");
        assertThat(in.available()).isZero();
    }

    @Test
    void streamBackedViewsReadAndWriteTheSameBytes() throws IOException {
        String[] values = getTestData();
        byte[] expected = serializeAll(StringSerializer.INSTANCE, values);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamOutputView out = new StreamOutputView(new DataOutputStream(bytes));
        for (String value : values) {
            StringSerializer.writeString(value, out);
        }
        assertThat(bytes.toByteArray()).isEqualTo(expected);

        StreamInputView in = new StreamInputView(new DataInputStream(new ByteArrayInputStream(expected)));
        for (String value : values) {
            assertThat(StringSerializer.readString(in)).isEqualTo(value);
        }
        assertThatThrownBy(() -> StringSerializer.readString(in)).isInstanceOf(EOFException.class);
    }

    @Test
    void stringThatFitsTheCurrentPageIsWrittenIntoItDirectly() throws IOException {
        PagedTestOutputView out = new PagedTestOutputView(1024, 4, false);
        out.writeByte(1); // obtain the first page
        StringSerializer.writeString("fits", out);
        StringSerializer.writeString("f\u00EFts", out);
        assertThat(out.getCurrentPositionInSegment()).isEqualTo(4 + 1 + 5 + 6);
        DataInputView in = out.toInputView();
        in.readByte();
        assertThat(StringSerializer.readString(in)).isEqualTo("fits");
        assertThat(StringSerializer.readString(in)).isEqualTo("f\u00EFts");
    }

    // ---- corrupt input ----

    @Test
    void charEncodedWithMoreThanSixteenBitsIsRejected() {
        byte[] bytes = {4, (byte) 0xFF, (byte) 0xFF, 0x04};
        assertThatThrownBy(() -> StringSerializer.readString(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void headerLongerThanFiveBytesIsRejected() {
        byte[] bytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> StringSerializer.readString(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void lengthBeyondTheInputFailsBeforeAllocating() {
        // header for ~1 billion ASCII chars, then nothing
        byte[] bytes = {(byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x07};
        assertThatThrownBy(() -> StringSerializer.readString(new DataInputDeserializer(bytes)))
                .isInstanceOf(EOFException.class);
    }

    /** A view that is neither array- nor page-backed, to exercise the byte-by-byte paths. */
    private static final class StreamOutputView implements DataOutputView {
        private final DataOutputStream out;

        StreamOutputView(DataOutputStream out) {
            this.out = out;
        }

        @Override public void skipBytesToWrite(int numBytes) throws IOException { out.write(new byte[numBytes]); }
        @Override public void write(DataInputView source, int numBytes) throws IOException {
            byte[] bytes = new byte[numBytes];
            source.readFully(bytes);
            out.write(bytes);
        }
        @Override public void write(int b) throws IOException { out.write(b); }
        @Override public void write(byte[] b) throws IOException { out.write(b); }
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void writeBoolean(boolean v) throws IOException { out.writeBoolean(v); }
        @Override public void writeByte(int v) throws IOException { out.writeByte(v); }
        @Override public void writeShort(int v) throws IOException { out.writeShort(v); }
        @Override public void writeChar(int v) throws IOException { out.writeChar(v); }
        @Override public void writeInt(int v) throws IOException { out.writeInt(v); }
        @Override public void writeLong(long v) throws IOException { out.writeLong(v); }
        @Override public void writeFloat(float v) throws IOException { out.writeFloat(v); }
        @Override public void writeDouble(double v) throws IOException { out.writeDouble(v); }
        @Override public void writeBytes(String s) throws IOException { out.writeBytes(s); }
        @Override public void writeChars(String s) throws IOException { out.writeChars(s); }
        @Override public void writeUTF(String s) throws IOException { out.writeUTF(s); }
    }

    /** The reading side of {@link StreamOutputView}. */
    private static final class StreamInputView implements DataInputView {
        private final DataInputStream in;

        StreamInputView(DataInputStream in) {
            this.in = in;
        }

        @Override public void skipBytesToRead(int numBytes) throws IOException { in.skipNBytes(numBytes); }
        @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
        @Override public int read(byte[] b) throws IOException { return in.read(b); }
        @Override public void readFully(byte[] b) throws IOException { in.readFully(b); }
        @Override public void readFully(byte[] b, int off, int len) throws IOException { in.readFully(b, off, len); }
        @Override public int skipBytes(int n) throws IOException { return in.skipBytes(n); }
        @Override public boolean readBoolean() throws IOException { return in.readBoolean(); }
        @Override public byte readByte() throws IOException { return in.readByte(); }
        @Override public int readUnsignedByte() throws IOException { return in.readUnsignedByte(); }
        @Override public short readShort() throws IOException { return in.readShort(); }
        @Override public int readUnsignedShort() throws IOException { return in.readUnsignedShort(); }
        @Override public char readChar() throws IOException { return in.readChar(); }
        @Override public int readInt() throws IOException { return in.readInt(); }
        @Override public long readLong() throws IOException { return in.readLong(); }
        @Override public float readFloat() throws IOException { return in.readFloat(); }
        @Override public double readDouble() throws IOException { return in.readDouble(); }
        @Override @SuppressWarnings("deprecation") public String readLine() throws IOException { return in.readLine(); }
        @Override public String readUTF() throws IOException { return in.readUTF(); }
    }
}

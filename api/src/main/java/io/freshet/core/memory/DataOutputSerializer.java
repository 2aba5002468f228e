package io.freshet.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutputView} over a growing heap array: serializes single records (for example to measure or to
 * copy them) and is reused across records through {@link #clear()}. Not thread-safe.
 */
public final class DataOutputSerializer implements DataOutputView {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int startSize) {
        if (startSize < 1) {
            throw new IllegalArgumentException("the start size must be at least 1, was " + startSize);
        }
        this.buffer = new byte[startSize];
    }

    // ---- access to the written bytes ----

    /** The internal array; valid bytes are {@code [0, length())}. The array changes when the buffer grows. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    /** @deprecated the name hides that no copy is made; use {@link #getSharedBuffer()}. */
    @Deprecated
    public byte[] getByteArray() {
        return buffer;
    }

    public byte[] getCopyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    public ByteBuffer wrapAsByteBuffer() {
        return ByteBuffer.wrap(buffer, 0, position);
    }

    public void clear() {
        position = 0;
    }

    public int length() {
        return position;
    }

    public void setPosition(int position) {
        if (position < 0 || position > buffer.length) {
            throw new IllegalArgumentException("position " + position + " outside [0, " + buffer.length + "]");
        }
        this.position = position;
    }

    /**
     * Makes room for {@code bytes} more bytes and returns the position to write them at; the caller writes into
     * {@link #getSharedBuffer()} and then calls {@link #setPosition}. Used by fast paths of serializers.
     */
    public int reserve(int bytes) {
        ensureCapacity(bytes);
        return position;
    }

    @Override
    public String toString() {
        return "DataOutputSerializer[position=" + position + ", capacity=" + buffer.length + "]";
    }

    // ---- DataOutput ----

    @Override
    public void write(int b) {
        ensureCapacity(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
        ensureCapacity(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    /** Copies {@code len} bytes of a memory segment at {@code off}. */
    public void write(MemorySegment segment, int off, int len) {
        ensureCapacity(len);
        segment.get(off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensureCapacity(2);
        buffer[position] = (byte) (v >>> 8);
        buffer[position + 1] = (byte) v;
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensureCapacity(4);
        MemorySegment.UNSAFE.putInt(
                buffer, MemorySegment.BYTE_ARRAY_BASE_OFFSET + position, LITTLE_ENDIAN ? Integer.reverseBytes(v) : v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensureCapacity(8);
        MemorySegment.UNSAFE.putLong(
                buffer, MemorySegment.BYTE_ARRAY_BASE_OFFSET + position, LITTLE_ENDIAN ? Long.reverseBytes(v) : v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensureCapacity(len);
        for (int i = 0; i < len; i++) {
            buffer[position + i] = (byte) s.charAt(i);
        }
        position += len;
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensureCapacity(2 * len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            buffer[position++] = (byte) (c >>> 8);
            buffer[position++] = (byte) c;
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int utfLength = ModifiedUtf8.encodedLength(s);
        if (utfLength > 65535) {
            throw new UTFDataFormatException("string too long for writeUTF: " + utfLength + " encoded bytes");
        }
        writeShort(utfLength);
        ensureCapacity(utfLength);
        position = ModifiedUtf8.encode(s, buffer, position);
    }

    // ---- DataOutputView ----

    @Override
    public void skipBytesToWrite(int numBytes) {
        ensureCapacity(numBytes);
        position += numBytes;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensureCapacity(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    private void ensureCapacity(int bytes) {
        if (bytes > buffer.length - position) {
            grow(bytes);
        }
    }

    private void grow(int bytes) {
        long required = (long) position + bytes;
        if (required > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(new EOFException(
                    "a serialized record cannot exceed 2 GiB; " + required + " bytes were requested"));
        }
        int newSize = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(required, 2L * buffer.length));
        buffer = Arrays.copyOf(buffer, newSize);
    }
}

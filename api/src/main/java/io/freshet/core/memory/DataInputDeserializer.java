package io.freshet.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link DataInputView} over a heap array (or a copy of a buffer's bytes), reused across records through
 * {@link #setBuffer}. Reading past the end throws {@link EOFException}. Not thread-safe.
 */
public final class DataInputDeserializer implements DataInputView {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int position;
    private int end;

    public DataInputDeserializer() {}

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int start, int length) {
        setBuffer(buffer, start, length);
    }

    public DataInputDeserializer(ByteBuffer buffer) {
        setBuffer(buffer);
    }

    // ---- buffer management ----

    /** Reads the remaining bytes of {@code buffer}; a direct or read-only buffer is copied. */
    public void setBuffer(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            setBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            setBuffer(copy, 0, copy.length);
        }
    }

    public void setBuffer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public void setBuffer(byte[] buffer, int start, int length) {
        if (start < 0 || length < 0 || start > buffer.length - length) {
            throw new IndexOutOfBoundsException("start " + start + ", length " + length + ", array " + buffer.length);
        }
        this.buffer = buffer;
        this.position = start;
        this.end = start + length;
    }

    public void releaseArrays() {
        buffer = EMPTY;
        position = 0;
        end = 0;
    }

    public int available() {
        return end - position;
    }

    public int getPosition() {
        return position;
    }

    /** Moves the read position to {@code position} of the backing array (at most the end). */
    public void setPosition(int position) {
        if (position < 0 || position > end) {
            throw new IndexOutOfBoundsException("position " + position + ", end " + end);
        }
        this.position = position;
    }

    /** The backing array; bytes {@code [getPosition(), getPosition() + available())} are unread. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    /** Advances the read position by {@code bytes} that a fast path consumed from {@link #getSharedBuffer()}. */
    public void advance(int bytes) throws EOFException {
        require(bytes);
        position += bytes;
    }

    // ---- DataInput ----

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        if (position >= end) {
            throw eof(1);
        }
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = MemorySegment.UNSAFE.getInt(buffer, MemorySegment.BYTE_ARRAY_BASE_OFFSET + position);
        position += 4;
        return LITTLE_ENDIAN ? Integer.reverseBytes(v) : v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = MemorySegment.UNSAFE.getLong(buffer, MemorySegment.BYTE_ARRAY_BASE_OFFSET + position);
        position += 8;
        return LITTLE_ENDIAN ? Long.reverseBytes(v) : v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xff);
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < end && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            line.append(c);
        }
        return line.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int length = readUnsignedShort();
        require(length);
        String s = ModifiedUtf8.decode(buffer, position, length);
        position += length;
        return s;
    }

    // ---- DataInputView ----

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        require(numBytes);
        position += numBytes;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
        if (position >= end) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int read(byte[] b) {
        return read(b, 0, b.length);
    }

    private void require(int bytes) throws EOFException {
        if (bytes < 0 || bytes > end - position) {
            throw eof(bytes);
        }
    }

    private EOFException eof(int bytes) {
        return new EOFException("cannot read " + bytes + " bytes: only " + (end - position) + " remain");
    }
}

package io.freshet.runtime.io.network.api.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteOrder;

import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.MemorySegment;
import sun.misc.Unsafe;

/**
 * The lean view a {@link SpanningRecordDeserializer} hands to the record serializer: reads one record's bytes from a
 * network buffer's memory (off-heap or heap) or from the heap array of a record that spanned buffers.
 *
 * <p>Why it exists: reading small records is dominated by per-record overhead. One final class for both cases keeps
 * the serializers' {@code DataInputView} call sites monomorphic (so HotSpot inlines them), and each read is one
 * bounds check against the record's end plus one raw memory access, like {@code DataInputDeserializer} for arrays.
 *
 * <p>Safety law: {@link #setMemory} is given memory that stays valid while it is read (the deserializer holds a
 * reference to the buffer, which keeps its segment alive); every read checks {@code position + n <= limit}, and the
 * limit never exceeds the memory given, so no read leaves the record (over-reads are an {@link EOFException}).
 */
final class RecordInputView implements DataInputView {

    private static final Unsafe UNSAFE = loadUnsafe();
    private static final long BYTE_ARRAY_BASE_OFFSET = UNSAFE.arrayBaseOffset(byte[].class);
    private static final long BUFFER_ADDRESS_OFFSET = bufferAddressOffset();
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** The heap array, or null for off-heap memory. */
    private Object base;
    /** Address of byte 0: an offset into {@link #base}, or an absolute address. */
    private long address;
    private int position;
    private int limit;

    private MemorySegment cachedSegment;
    private Object cachedBase;
    private long cachedAddress;

    /** Points the view at a segment (its address is cached, since pooled segments come back again and again). */
    void setMemory(MemorySegment segment) {
        if (segment != cachedSegment) {
            cachedSegment = segment;
            if (segment.isOffHeap()) {
                cachedBase = null;
                cachedAddress = UNSAFE.getLong(segment.wrap(0, segment.size()), BUFFER_ADDRESS_OFFSET);
            } else {
                cachedBase = segment.getArray();
                cachedAddress = BYTE_ARRAY_BASE_OFFSET;
            }
        }
        base = cachedBase;
        address = cachedAddress;
        position = 0;
        limit = 0;
    }

    /** Points the view at a heap array (a spanning record's bytes). */
    void setMemory(byte[] array) {
        cachedSegment = null;
        base = array;
        address = BYTE_ARRAY_BASE_OFFSET;
        position = 0;
        limit = 0;
    }

    /** Restricts reading to {@code [start, end)} of the memory set last; the caller checked it lies inside it. */
    void setRecord(int start, int end) {
        position = start;
        limit = end;
    }

    int getPosition() {
        return position;
    }

    /** Forgets the memory (so that a released segment is not kept reachable). */
    void clear() {
        base = null;
        address = 0;
        position = 0;
        limit = 0;
        cachedSegment = null;
        cachedBase = null;
        cachedAddress = 0;
    }

    private void require(int bytes) throws EOFException {
        if (bytes > limit - position) {
            throw new EOFException("the serializer read past the end of its record (" + bytes + " bytes wanted, "
                    + (limit - position) + " left): the reader's serializer does not match the writer's");
        }
    }

    // ---- DataInput ----

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return UNSAFE.getByte(base, address + position++);
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = UNSAFE.getShort(base, address + position);
        position += 2;
        return LITTLE_ENDIAN ? Short.reverseBytes(v) : v;
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
        int v = UNSAFE.getInt(base, address + position);
        position += 4;
        return LITTLE_ENDIAN ? Integer.reverseBytes(v) : v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = UNSAFE.getLong(base, address + position);
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
        UNSAFE.copyMemory(base, address + position, b, BYTE_ARRAY_BASE_OFFSET + off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, limit - position));
        position += skipped;
        return skipped;
    }

    @Override
    public String readLine() throws IOException {
        if (position >= limit) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (position < limit) {
            char c = (char) readUnsignedByte();
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < limit && UNSAFE.getByte(base, address + position) == '\n') {
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
        byte[] encoded = new byte[2 + length];
        encoded[0] = (byte) (length >>> 8);
        encoded[1] = (byte) length;
        readFully(encoded, 2, length);
        return new DataInputDeserializer(encoded).readUTF();
    }

    // ---- DataInputView ----

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        if (numBytes < 0) {
            throw new IllegalArgumentException("cannot skip " + numBytes + " bytes");
        }
        require(numBytes);
        position += numBytes;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("offset " + off + ", length " + len + ", array " + b.length);
        }
        if (position >= limit) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, limit - position);
        UNSAFE.copyMemory(base, address + position, b, BYTE_ARRAY_BASE_OFFSET + off, n);
        position += n;
        return n;
    }

    @Override
    public int read(byte[] b) {
        return read(b, 0, b.length);
    }

    // ---- setup ----

    private static Unsafe loadUnsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static long bufferAddressOffset() {
        try {
            return UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

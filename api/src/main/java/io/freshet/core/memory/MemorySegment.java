package io.freshet.core.memory;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import sun.misc.Unsafe;

/**
 * A fixed-size block of memory, on the heap (a {@code byte[]}) or off the heap (a direct {@link ByteBuffer}),
 * read and written at absolute offsets. Network buffers, sort buffers and managed memory are all segments.
 *
 * <p>Laws:
 * <ul>
 *   <li>The size never changes. Every access is bounds-checked against it; an out-of-range access throws
 *       {@link IndexOutOfBoundsException} and never touches memory outside the segment.</li>
 *   <li>Plain {@code getInt/putInt/...} use the platform's native byte order (the fastest); the
 *       {@code ...BigEndian} variants always use big-endian order, which is what {@link java.io.DataOutput}
 *       promises and what the serialized record format uses.</li>
 *   <li>A segment has one owner at a time (the pool that lent it, or the task that holds it); it is not
 *       thread-safe. After {@link #free()} every access fails; freeing twice is harmless.</li>
 * </ul>
 */
public final class MemorySegment {

    static final Unsafe UNSAFE = loadUnsafe();
    static final long BYTE_ARRAY_BASE_OFFSET = UNSAFE.arrayBaseOffset(byte[].class);
    private static final long BUFFER_ADDRESS_OFFSET = bufferAddressOffset();
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** The heap array, or null for off-heap memory (then {@link #address} is absolute). */
    private final byte[] heapMemory;

    /** The direct buffer that keeps off-heap memory alive; null on the heap. */
    private final ByteBuffer offHeapBuffer;

    /** Address of byte 0: an offset into {@link #heapMemory}, or an absolute address off the heap. */
    private long address;

    private final int size;

    private final Object owner;

    MemorySegment(byte[] heapMemory, Object owner) {
        this.heapMemory = Objects.requireNonNull(heapMemory);
        this.offHeapBuffer = null;
        this.address = BYTE_ARRAY_BASE_OFFSET;
        this.size = heapMemory.length;
        this.owner = owner;
    }

    MemorySegment(ByteBuffer directBuffer, Object owner) {
        if (!directBuffer.isDirect()) {
            throw new IllegalArgumentException("an off-heap memory segment needs a direct ByteBuffer");
        }
        this.heapMemory = null;
        this.offHeapBuffer = directBuffer;
        this.address = UNSAFE.getLong(directBuffer, BUFFER_ADDRESS_OFFSET);
        this.size = directBuffer.capacity();
        this.owner = owner;
    }

    // ---- properties ----

    public int size() {
        return size;
    }

    public boolean isOffHeap() {
        return heapMemory == null;
    }

    public boolean isFreed() {
        return address < 0;
    }

    /** The object that handed out this segment (a pool, a memory manager), or null. */
    public Object getOwner() {
        return owner;
    }

    /** The backing array of a heap segment. */
    public byte[] getArray() {
        if (heapMemory == null) {
            throw new IllegalStateException("an off-heap memory segment has no backing array");
        }
        return heapMemory;
    }

    /** Marks the segment unusable. The memory is released when the segment is garbage collected. */
    public void free() {
        address = -1;
    }

    /** A {@link ByteBuffer} view of {@code [offset, offset + length)}, sharing this segment's memory. */
    public ByteBuffer wrap(int offset, int length) {
        checkBounds(offset, length);
        if (heapMemory != null) {
            return ByteBuffer.wrap(heapMemory, offset, length);
        }
        ByteBuffer view = offHeapBuffer.duplicate();
        view.limit(offset + length).position(offset);
        return view;
    }

    // ---- single values, native byte order ----

    public byte get(int index) {
        checkBounds(index, 1);
        return UNSAFE.getByte(heapMemory, address + index);
    }

    public void put(int index, byte b) {
        checkBounds(index, 1);
        UNSAFE.putByte(heapMemory, address + index, b);
    }

    public boolean getBoolean(int index) {
        return get(index) != 0;
    }

    public void putBoolean(int index, boolean value) {
        put(index, (byte) (value ? 1 : 0));
    }

    public short getShort(int index) {
        checkBounds(index, 2);
        return UNSAFE.getShort(heapMemory, address + index);
    }

    public void putShort(int index, short value) {
        checkBounds(index, 2);
        UNSAFE.putShort(heapMemory, address + index, value);
    }

    public char getChar(int index) {
        checkBounds(index, 2);
        return UNSAFE.getChar(heapMemory, address + index);
    }

    public void putChar(int index, char value) {
        checkBounds(index, 2);
        UNSAFE.putChar(heapMemory, address + index, value);
    }

    public int getInt(int index) {
        checkBounds(index, 4);
        return UNSAFE.getInt(heapMemory, address + index);
    }

    public void putInt(int index, int value) {
        checkBounds(index, 4);
        UNSAFE.putInt(heapMemory, address + index, value);
    }

    public long getLong(int index) {
        checkBounds(index, 8);
        return UNSAFE.getLong(heapMemory, address + index);
    }

    public void putLong(int index, long value) {
        checkBounds(index, 8);
        UNSAFE.putLong(heapMemory, address + index, value);
    }

    public float getFloat(int index) {
        return Float.intBitsToFloat(getInt(index));
    }

    public void putFloat(int index, float value) {
        putInt(index, Float.floatToRawIntBits(value));
    }

    public double getDouble(int index) {
        return Double.longBitsToDouble(getLong(index));
    }

    public void putDouble(int index, double value) {
        putLong(index, Double.doubleToRawLongBits(value));
    }

    // ---- single values, big-endian (the serialized record format) ----

    public short getShortBigEndian(int index) {
        short value = getShort(index);
        return LITTLE_ENDIAN ? Short.reverseBytes(value) : value;
    }

    public void putShortBigEndian(int index, short value) {
        putShort(index, LITTLE_ENDIAN ? Short.reverseBytes(value) : value);
    }

    public char getCharBigEndian(int index) {
        char value = getChar(index);
        return LITTLE_ENDIAN ? Character.reverseBytes(value) : value;
    }

    public void putCharBigEndian(int index, char value) {
        putChar(index, LITTLE_ENDIAN ? Character.reverseBytes(value) : value);
    }

    public int getIntBigEndian(int index) {
        int value = getInt(index);
        return LITTLE_ENDIAN ? Integer.reverseBytes(value) : value;
    }

    public void putIntBigEndian(int index, int value) {
        putInt(index, LITTLE_ENDIAN ? Integer.reverseBytes(value) : value);
    }

    public long getLongBigEndian(int index) {
        long value = getLong(index);
        return LITTLE_ENDIAN ? Long.reverseBytes(value) : value;
    }

    public void putLongBigEndian(int index, long value) {
        putLong(index, LITTLE_ENDIAN ? Long.reverseBytes(value) : value);
    }

    // ---- bulk ----

    /** Copies {@code length} bytes from this segment at {@code index} into {@code dst[offset..]}. */
    public void get(int index, byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        checkBounds(index, length);
        UNSAFE.copyMemory(heapMemory, address + index, dst, BYTE_ARRAY_BASE_OFFSET + offset, length);
    }

    /** Copies {@code length} bytes of {@code src[offset..]} into this segment at {@code index}. */
    public void put(int index, byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        checkBounds(index, length);
        UNSAFE.copyMemory(src, BYTE_ARRAY_BASE_OFFSET + offset, heapMemory, address + index, length);
    }

    /** Copies {@code length} bytes from this segment at {@code offset} to {@code target} at {@code targetOffset}. */
    public void copyTo(int offset, MemorySegment target, int targetOffset, int length) {
        checkBounds(offset, length);
        target.checkBounds(targetOffset, length);
        UNSAFE.copyMemory(heapMemory, address + offset, target.heapMemory, target.address + targetOffset, length);
    }

    /** Writes {@code length} bytes of this segment at {@code offset} to a data output. */
    public void get(java.io.DataOutput out, int offset, int length) throws java.io.IOException {
        checkBounds(offset, length);
        if (heapMemory != null) {
            out.write(heapMemory, offset, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            out.writeByte(UNSAFE.getByte(null, address + offset + i));
        }
    }

    /**
     * Compares {@code length} bytes of this segment at {@code offset} with {@code other} at {@code otherOffset}
     * as unsigned bytes, returning a negative, zero or positive number.
     */
    public int compare(MemorySegment other, int offset, int otherOffset, int length) {
        checkBounds(offset, length);
        other.checkBounds(otherOffset, length);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long a = UNSAFE.getLong(heapMemory, address + offset + i);
            long b = UNSAFE.getLong(other.heapMemory, other.address + otherOffset + i);
            if (a != b) {
                if (LITTLE_ENDIAN) {
                    a = Long.reverseBytes(a);
                    b = Long.reverseBytes(b);
                }
                return Long.compareUnsigned(a, b);
            }
        }
        for (; i < length; i++) {
            int a = UNSAFE.getByte(heapMemory, address + offset + i) & 0xff;
            int b = UNSAFE.getByte(other.heapMemory, other.address + otherOffset + i) & 0xff;
            if (a != b) {
                return a - b;
            }
        }
        return 0;
    }

    private void checkBounds(int index, int length) {
        if (address < 0) {
            throw new IllegalStateException("the memory segment has been freed");
        }
        if (index < 0 || length < 0 || index > size - length) {
            throw new IndexOutOfBoundsException(
                    "access of " + length + " bytes at index " + index + " in a memory segment of " + size + " bytes");
        }
    }

    private static long bufferAddressOffset() {
        try {
            return UNSAFE.objectFieldOffset(java.nio.Buffer.class.getDeclaredField("address"));
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("cannot locate the address of direct buffers: " + e);
        }
    }

    private static Unsafe loadUnsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Freshet needs sun.misc.Unsafe (module jdk.unsupported): " + e);
        }
    }
}

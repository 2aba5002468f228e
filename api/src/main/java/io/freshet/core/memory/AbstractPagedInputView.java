package io.freshet.core.memory;

import java.io.EOFException;
import java.io.IOException;

/**
 * The reading side of {@link AbstractPagedOutputView}: reads values from a sequence of memory segments, following
 * them across page boundaries. {@link #nextSegment} supplies the next page (or throws {@link EOFException} at the
 * end) and {@link #getLimitForSegment} says how many bytes of a page are valid.
 */
public abstract class AbstractPagedInputView implements DataInputView {

    private MemorySegment currentSegment;
    private int positionInSegment;
    private int limitInSegment;
    protected final int headerLength;

    protected AbstractPagedInputView(MemorySegment initialSegment, int initialLimit, int headerLength) {
        this.headerLength = headerLength;
        this.currentSegment = initialSegment;
        this.positionInSegment = headerLength;
        this.limitInSegment = initialLimit;
    }

    protected AbstractPagedInputView(int headerLength) {
        this(null, 0, headerLength);
    }

    /** Returns the segment after {@code current} (null before the first), or throws {@link EOFException}. */
    protected abstract MemorySegment nextSegment(MemorySegment current) throws IOException;

    /** The number of valid bytes of {@code segment}, header included. */
    protected abstract int getLimitForSegment(MemorySegment segment);

    // ---- position ----

    public MemorySegment getCurrentSegment() {
        return currentSegment;
    }

    public int getCurrentPositionInSegment() {
        return positionInSegment;
    }

    public int getCurrentSegmentLimit() {
        return limitInSegment;
    }

    /** Bytes left in the current segment. A fast path may read them directly and then call {@link #skipBytesInSegment}. */
    public int remainingInSegment() {
        return limitInSegment - positionInSegment;
    }

    public void skipBytesInSegment(int bytes) {
        if (bytes < 0 || bytes > remainingInSegment()) {
            throw new IndexOutOfBoundsException(bytes + " bytes exceed the " + remainingInSegment()
                    + " bytes left in the segment");
        }
        positionInSegment += bytes;
    }

    /** Moves to the next segment. */
    public void advance() throws IOException {
        MemorySegment next = nextSegment(currentSegment);
        currentSegment = next;
        positionInSegment = headerLength;
        limitInSegment = getLimitForSegment(next);
    }

    /** Restarts reading at {@code position} of {@code segment}, whose valid bytes end at {@code limit}. */
    protected void seekInput(MemorySegment segment, int position, int limit) {
        this.currentSegment = segment;
        this.positionInSegment = position;
        this.limitInSegment = limit;
    }

    /** Forgets the current segment; the next read asks {@link #nextSegment} for one. */
    protected void clear() {
        this.currentSegment = null;
        this.positionInSegment = headerLength;
        this.limitInSegment = headerLength;
    }

    // ---- DataInput ----

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        while (remainingInSegment() <= 0) {
            advance();
        }
        return currentSegment.get(positionInSegment++);
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        if (remainingInSegment() >= 2) {
            short v = currentSegment.getShortBigEndian(positionInSegment);
            positionInSegment += 2;
            return v;
        }
        return (short) ((readUnsignedByte() << 8) | readUnsignedByte());
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
        if (remainingInSegment() >= 4) {
            int v = currentSegment.getIntBigEndian(positionInSegment);
            positionInSegment += 4;
            return v;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | readUnsignedByte();
        }
        return v;
    }

    @Override
    public long readLong() throws IOException {
        if (remainingInSegment() >= 8) {
            long v = currentSegment.getLongBigEndian(positionInSegment);
            positionInSegment += 8;
            return v;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | readUnsignedByte();
        }
        return v;
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
        while (len > 0) {
            int available = remainingInSegment();
            if (available <= 0) {
                advance();
                continue;
            }
            int n = Math.min(available, len);
            currentSegment.get(positionInSegment, b, off, n);
            positionInSegment += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public int skipBytes(int n) throws IOException {
        int skipped = 0;
        try {
            while (skipped < n) {
                int available = remainingInSegment();
                if (available <= 0) {
                    advance();
                    continue;
                }
                int step = Math.min(available, n - skipped);
                positionInSegment += step;
                skipped += step;
            }
        } catch (EOFException end) {
            // skipBytes reports how far it got instead of failing
        }
        return skipped;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                char c = (char) readUnsignedByte();
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    line.append(c);
                }
            }
        } catch (EOFException end) {
            if (line.length() == 0) {
                return null;
            }
        }
        return line.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int length = readUnsignedShort();
        byte[] encoded = new byte[length];
        readFully(encoded);
        return ModifiedUtf8.decode(encoded, 0, length);
    }

    // ---- DataInputView ----

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        if (skipBytes(numBytes) < numBytes) {
            throw new EOFException("cannot skip " + numBytes + " bytes: the input ended");
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int read = 0;
        try {
            while (read < len) {
                int available = remainingInSegment();
                if (available <= 0) {
                    advance();
                    continue;
                }
                int n = Math.min(available, len - read);
                currentSegment.get(positionInSegment, b, off + read, n);
                positionInSegment += n;
                read += n;
            }
        } catch (EOFException end) {
            return read == 0 && len > 0 ? -1 : read;
        }
        return read;
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }
}

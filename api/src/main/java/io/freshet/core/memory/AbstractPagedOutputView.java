package io.freshet.core.memory;

import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * A {@link DataOutputView} that writes into a sequence of equally sized memory segments (pages). When a page is
 * full, {@link #nextSegment} hands it to the subclass (to send, spill or keep) and returns the next one to write.
 * Values that do not fit into the rest of a page are split across pages byte by byte, so records of any size can
 * be written into pages of any size.
 *
 * <p>Each page may start with a header of {@code headerLength} bytes that this view never writes.
 */
public abstract class AbstractPagedOutputView implements DataOutputView {

    private MemorySegment currentSegment;
    private int positionInSegment;
    protected final int segmentSize;
    protected final int headerLength;

    protected AbstractPagedOutputView(MemorySegment initialSegment, int segmentSize, int headerLength) {
        if (headerLength >= segmentSize) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes leaves no room in pages of "
                    + segmentSize + " bytes");
        }
        this.segmentSize = segmentSize;
        this.headerLength = headerLength;
        this.currentSegment = initialSegment;
        this.positionInSegment = headerLength;
    }

    protected AbstractPagedOutputView(int segmentSize, int headerLength) {
        this(null, segmentSize, headerLength);
    }

    /**
     * Hands over the full (or, at the end, partly filled) segment and returns the next segment to write into.
     *
     * @param current the segment written so far, null before the first one
     * @param positionInCurrent the number of valid bytes in {@code current}, header included
     */
    protected abstract MemorySegment nextSegment(MemorySegment current, int positionInCurrent) throws IOException;

    // ---- position ----

    public MemorySegment getCurrentSegment() {
        return currentSegment;
    }

    public int getCurrentPositionInSegment() {
        return positionInSegment;
    }

    public int getSegmentSize() {
        return segmentSize;
    }

    /** Moves to the next segment now, even if the current one still has room. */
    public void advance() throws IOException {
        currentSegment = nextSegment(currentSegment, positionInSegment);
        positionInSegment = headerLength;
    }

    /** Restarts writing at {@code position} of {@code segment}. */
    protected void seekOutput(MemorySegment segment, int position) {
        this.currentSegment = segment;
        this.positionInSegment = position;
    }

    /** Forgets the current segment; the next write asks {@link #nextSegment} for one. */
    protected void clear() {
        this.currentSegment = null;
        this.positionInSegment = headerLength;
    }

    /**
     * Bytes left in the current segment (0 when there is none yet). A fast path may write that many bytes
     * directly into {@link #getCurrentSegment()} and then call {@link #skipBytesInSegment}.
     */
    public int remainingInSegment() {
        return currentSegment == null ? 0 : segmentSize - positionInSegment;
    }

    /** Accounts for {@code bytes} that a fast path wrote directly into the current segment. */
    public void skipBytesInSegment(int bytes) {
        if (bytes < 0 || bytes > remainingInSegment()) {
            throw new IndexOutOfBoundsException(bytes + " bytes do not fit into the " + remainingInSegment()
                    + " bytes left in the segment");
        }
        positionInSegment += bytes;
    }

    // ---- DataOutput ----

    @Override
    public void write(int b) throws IOException {
        writeByte(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int room = remainingInSegment();
            if (room == 0) {
                advance();
                continue;
            }
            int n = Math.min(room, len);
            currentSegment.put(positionInSegment, b, off, n);
            positionInSegment += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) throws IOException {
        if (remainingInSegment() == 0) {
            advance();
        }
        currentSegment.put(positionInSegment++, (byte) v);
    }

    @Override
    public void writeShort(int v) throws IOException {
        if (remainingInSegment() >= 2) {
            currentSegment.putShortBigEndian(positionInSegment, (short) v);
            positionInSegment += 2;
        } else {
            writeByte(v >>> 8);
            writeByte(v);
        }
    }

    @Override
    public void writeChar(int v) throws IOException {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) throws IOException {
        if (remainingInSegment() >= 4) {
            currentSegment.putIntBigEndian(positionInSegment, v);
            positionInSegment += 4;
        } else {
            for (int shift = 24; shift >= 0; shift -= 8) {
                writeByte(v >>> shift);
            }
        }
    }

    @Override
    public void writeLong(long v) throws IOException {
        if (remainingInSegment() >= 8) {
            currentSegment.putLongBigEndian(positionInSegment, v);
            positionInSegment += 8;
        } else {
            for (int shift = 56; shift >= 0; shift -= 8) {
                writeByte((int) (v >>> shift));
            }
        }
    }

    @Override
    public void writeFloat(float v) throws IOException {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) throws IOException {
        for (int i = 0, n = s.length(); i < n; i++) {
            writeByte(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) throws IOException {
        for (int i = 0, n = s.length(); i < n; i++) {
            writeShort(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int utfLength = ModifiedUtf8.encodedLength(s);
        if (utfLength > 65535) {
            throw new UTFDataFormatException("string too long for writeUTF: " + utfLength + " encoded bytes");
        }
        byte[] encoded = new byte[utfLength];
        ModifiedUtf8.encode(s, encoded, 0);
        writeShort(utfLength);
        write(encoded, 0, utfLength);
    }

    // ---- DataOutputView ----

    @Override
    public void skipBytesToWrite(int numBytes) throws IOException {
        while (numBytes > 0) {
            int room = remainingInSegment();
            if (room == 0) {
                advance();
                continue;
            }
            int n = Math.min(room, numBytes);
            positionInSegment += n;
            numBytes -= n;
        }
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        while (numBytes > 0) {
            int room = remainingInSegment();
            if (room == 0) {
                advance();
                continue;
            }
            int n = Math.min(room, numBytes);
            if (currentSegment.isOffHeap()) {
                for (int i = 0; i < n; i++) {
                    currentSegment.put(positionInSegment + i, source.readByte());
                }
            } else {
                source.readFully(currentSegment.getArray(), positionInSegment, n);
            }
            positionInSegment += n;
            numBytes -= n;
        }
    }
}

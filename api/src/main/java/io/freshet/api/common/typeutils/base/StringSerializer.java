package io.freshet.api.common.typeutils.base;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.AbstractPagedInputView;
import io.freshet.core.memory.AbstractPagedOutputView;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.DataOutputView;
import io.freshet.core.memory.MemorySegment;

/**
 * Serializes strings, null included. Composite serializers (tuples, POJOs, rows) call {@link #writeString} and
 * {@link #readString} directly.
 *
 * <h2>Format</h2>
 * A string is an unsigned varint header {@code h} (7 bits per byte, least significant group first, high bit set on
 * every byte but the last), then its characters:
 * <ul>
 *   <li>{@code h == 0}: null, nothing follows;</li>
 *   <li>otherwise {@code h == 2 * length + flag + 1}, where {@code flag} is 0 when every char is below 0x80 and 1
 *       when not;</li>
 *   <li>flag 0: {@code length} bytes, one per char;</li>
 *   <li>flag 1: {@code length} unsigned varints, one per UTF-16 char (1 to 3 bytes; surrogates are encoded as the
 *       chars they are, so any Java string round-trips, even one with unpaired surrogates).</li>
 * </ul>
 * An ASCII char encodes as the same single byte in both forms.
 *
 * <h2>Speed</h2>
 * Records are serialized to a {@link DataOutputSerializer} or into network/sort pages ({@link
 * AbstractPagedOutputView}) and read back from a {@link DataInputDeserializer} or pages. For those views the
 * code works on their arrays directly: ASCII strings are one bulk copy each way, and the only allocation is the
 * resulting String (plus its char[] for non-ASCII strings). Other views, and strings that span pages, go byte by
 * byte. This is a hot path: no boxing, no streams, no logging.
 */
public final class StringSerializer extends TypeSerializerSingleton<String> {

    private static final long serialVersionUID = 1L;

    public static final StringSerializer INSTANCE = new StringSerializer();

    private static final String EMPTY = "";

    /** The largest header fits in 33 bits, i.e. 5 varint bytes. */
    private static final int MAX_HEADER_BYTES = 5;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return EMPTY;
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        writeString(record, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return readString(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return readString(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        copyString(source, target);
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new StringSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link StringSerializer}. */
    public static final class StringSerializerSnapshot extends SimpleTypeSerializerSnapshot<String> {

        public StringSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }

    // ---- writing ----

    /** Writes {@code value} (may be null) in the format described in the class comment. */
    public static void writeString(String value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeByte(0);
            return;
        }
        final int length = value.length();
        final boolean ascii = AsciiStrings.isAscii(value, length);
        final long header = 2L * length + (ascii ? 1 : 2);
        if (target instanceof DataOutputSerializer) {
            writeToArray(value, length, ascii, header, (DataOutputSerializer) target);
        } else if (target instanceof AbstractPagedOutputView) {
            writeToPages(value, length, ascii, header, (AbstractPagedOutputView) target);
        } else {
            writeByteByByte(value, length, ascii, header, target);
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies Latin-1 chars without allocating
    private static void writeToArray(String value, int length, boolean ascii, long header, DataOutputSerializer out)
            throws IOException {
        if (ascii && header < 0x80) {
            // the most common case by far: a short ASCII string with a one-byte header
            final int pos = out.reserve(length + 1);
            final byte[] buffer = out.getSharedBuffer();
            buffer[pos] = (byte) header;
            value.getBytes(0, length, buffer, pos + 1);
            out.setPosition(pos + 1 + length);
            return;
        }
        final int headerBytes = varintSize(header);
        final long total = headerBytes + (ascii ? (long) length : encodedLength(value, length));
        if (total > Integer.MAX_VALUE - 8) {
            // cannot fit into one array anyway; the generic path fails with the serializer's own error
            writeByteByByte(value, length, ascii, header, out);
            return;
        }
        int pos = out.reserve((int) total);
        final byte[] buffer = out.getSharedBuffer();
        pos = putVarint(buffer, pos, header);
        if (ascii) {
            value.getBytes(0, length, buffer, pos);
            pos += length;
        } else {
            pos = putChars(value, length, buffer, pos);
        }
        out.setPosition(pos);
    }

    @SuppressWarnings("deprecation") // see writeToArray
    private static void writeToPages(String value, int length, boolean ascii, long header, AbstractPagedOutputView out)
            throws IOException {
        final int headerBytes = varintSize(header);
        final long total = headerBytes + (ascii ? (long) length : encodedLength(value, length));
        if (total > out.remainingInSegment()) {
            // spans pages (or there is no page yet): the view follows the page boundaries
            writeByteByByte(value, length, ascii, header, out);
            return;
        }
        final MemorySegment segment = out.getCurrentSegment();
        final int start = out.getCurrentPositionInSegment();
        if (segment.isOffHeap()) {
            int pos = start;
            for (long h = header; ; h >>>= 7) {
                if (h < 0x80) {
                    segment.put(pos++, (byte) h);
                    break;
                }
                segment.put(pos++, (byte) (h | 0x80));
            }
            if (ascii) {
                for (int i = 0; i < length; i++) {
                    segment.put(pos++, (byte) value.charAt(i));
                }
            } else {
                for (int i = 0; i < length; i++) {
                    int c = value.charAt(i);
                    if (c < 0x80) {
                        segment.put(pos++, (byte) c);
                    } else if (c < 0x4000) {
                        segment.put(pos++, (byte) (c | 0x80));
                        segment.put(pos++, (byte) (c >>> 7));
                    } else {
                        segment.put(pos++, (byte) (c | 0x80));
                        segment.put(pos++, (byte) ((c >>> 7) | 0x80));
                        segment.put(pos++, (byte) (c >>> 14));
                    }
                }
            }
        } else {
            // a heap segment's array index equals its segment offset
            final byte[] buffer = segment.getArray();
            int pos = putVarint(buffer, start, header);
            if (ascii) {
                value.getBytes(0, length, buffer, pos);
            } else {
                putChars(value, length, buffer, pos);
            }
        }
        out.skipBytesInSegment((int) total);
    }

    private static void writeByteByByte(String value, int length, boolean ascii, long header, DataOutputView out)
            throws IOException {
        writeVarint(header, out);
        if (ascii) {
            for (int i = 0; i < length; i++) {
                out.writeByte(value.charAt(i));
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            int c = value.charAt(i);
            if (c < 0x80) {
                out.writeByte(c);
            } else if (c < 0x4000) {
                out.writeByte(c | 0x80);
                out.writeByte(c >>> 7);
            } else {
                out.writeByte(c | 0x80);
                out.writeByte((c >>> 7) | 0x80);
                out.writeByte(c >>> 14);
            }
        }
    }

    /** The number of bytes of the chars of a non-ASCII string. */
    private static long encodedLength(String value, int length) {
        long bytes = length;
        for (int i = 0; i < length; i++) {
            int c = value.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x4000 ? 2 : 1;
            }
        }
        return bytes;
    }

    private static int putChars(String value, int length, byte[] buffer, int pos) {
        for (int i = 0; i < length; i++) {
            int c = value.charAt(i);
            if (c < 0x80) {
                buffer[pos++] = (byte) c;
            } else if (c < 0x4000) {
                buffer[pos++] = (byte) (c | 0x80);
                buffer[pos++] = (byte) (c >>> 7);
            } else {
                buffer[pos++] = (byte) (c | 0x80);
                buffer[pos++] = (byte) ((c >>> 7) | 0x80);
                buffer[pos++] = (byte) (c >>> 14);
            }
        }
        return pos;
    }

    private static int varintSize(long value) {
        int bytes = 1;
        while (value >= 0x80) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }

    private static int putVarint(byte[] buffer, int pos, long value) {
        while (value >= 0x80) {
            buffer[pos++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        buffer[pos++] = (byte) value;
        return pos;
    }

    private static void writeVarint(long value, DataOutputView out) throws IOException {
        while (value >= 0x80) {
            out.writeByte((int) (value | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    // ---- reading ----

    /** Reads a string (or null) written by {@link #writeString}. */
    public static String readString(DataInputView source) throws IOException {
        if (source instanceof DataInputDeserializer) {
            return readFromArray((DataInputDeserializer) source);
        }
        final long header = readVarint(source);
        if (header == 0) {
            return null;
        }
        final int length = lengthOf(header);
        final boolean ascii = isAsciiHeader(header);
        if (ascii && source instanceof AbstractPagedInputView) {
            AbstractPagedInputView paged = (AbstractPagedInputView) source;
            MemorySegment segment = paged.getCurrentSegment();
            if (length <= paged.remainingInSegment() && segment != null && !segment.isOffHeap()) {
                String value = new String(segment.getArray(), paged.getCurrentPositionInSegment(), length,
                        StandardCharsets.ISO_8859_1);
                paged.skipBytesInSegment(length);
                return value;
            }
        }
        return ascii ? readAsciiByteByByte(source, length) : readCharsByteByByte(source, length);
    }

    private static String readFromArray(DataInputDeserializer in) throws IOException {
        final byte[] buffer = in.getSharedBuffer();
        final int start = in.getPosition();
        final int end = start + in.available();
        int pos = start;

        if (pos >= end) {
            throw truncated(0);
        }
        long header = buffer[pos++];
        if (header < 0) {
            header &= 0x7F;
            for (int shift = 7; ; shift += 7) {
                if (pos >= end) {
                    throw truncated(0);
                }
                int b = buffer[pos++];
                header |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                if (shift >= 28) {
                    throw corrupt("string header longer than " + MAX_HEADER_BYTES + " bytes");
                }
            }
        }
        if (header == 0) {
            in.advance(pos - start);
            return null;
        }
        final int length = lengthOf(header);
        // every char takes at least one byte: fail before allocating for a truncated or corrupt length
        if (length > end - pos) {
            throw truncated(length);
        }
        if (isAsciiHeader(header)) {
            String value = new String(buffer, pos, length, StandardCharsets.ISO_8859_1);
            in.advance(pos + length - start);
            return value;
        }
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            if (pos >= end) {
                throw truncated(length);
            }
            int c = buffer[pos++];
            if (c < 0) {
                if (pos >= end) {
                    throw truncated(length);
                }
                int second = buffer[pos++];
                if (second >= 0) {
                    c = (c & 0x7F) | (second << 7);
                } else {
                    if (pos >= end) {
                        throw truncated(length);
                    }
                    int third = buffer[pos++];
                    if (third < 0 || third > 3) {
                        throw corrupt("char encoded with more than 16 bits");
                    }
                    c = (c & 0x7F) | ((second & 0x7F) << 7) | (third << 14);
                }
            }
            chars[i] = (char) c;
        }
        in.advance(pos - start);
        return new String(chars);
    }

    private static String readAsciiByteByByte(DataInputView source, int length) throws IOException {
        byte[] bytes = new byte[length];
        source.readFully(bytes, 0, length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String readCharsByteByByte(DataInputView source, int length) throws IOException {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) readChar(source);
        }
        return new String(chars);
    }

    private static int readChar(DataInputView source) throws IOException {
        int c = source.readByte();
        if (c >= 0) {
            return c;
        }
        int second = source.readByte();
        if (second >= 0) {
            return (c & 0x7F) | (second << 7);
        }
        int third = source.readByte();
        if (third < 0 || third > 3) {
            throw corrupt("char encoded with more than 16 bits");
        }
        return (c & 0x7F) | ((second & 0x7F) << 7) | (third << 14);
    }

    private static long readVarint(DataInputView source) throws IOException {
        int b = source.readByte();
        if (b >= 0) {
            return b;
        }
        long value = b & 0x7F;
        for (int shift = 7; ; shift += 7) {
            b = source.readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
            if (shift >= 28) {
                throw corrupt("string header longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    private static int lengthOf(long header) throws IOException {
        long length = (header - 1) >>> 1;
        if (length > Integer.MAX_VALUE) {
            throw corrupt("string length " + length + " exceeds the largest Java string");
        }
        return (int) length;
    }

    private static boolean isAsciiHeader(long header) {
        return ((header - 1) & 1) == 0;
    }

    // ---- copying ----

    /** Copies one string written by {@link #writeString} without decoding its chars. */
    public static void copyString(DataInputView source, DataOutputView target) throws IOException {
        final long header = readVarint(source);
        writeVarint(header, target);
        if (header == 0) {
            return;
        }
        final int length = lengthOf(header);
        if (isAsciiHeader(header)) {
            target.write(source, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            int b = source.readByte();
            target.writeByte(b);
            if (b >= 0) {
                continue;
            }
            b = source.readByte();
            target.writeByte(b);
            if (b >= 0) {
                continue;
            }
            b = source.readByte();
            if (b < 0 || b > 3) {
                throw corrupt("char encoded with more than 16 bits");
            }
            target.writeByte(b);
        }
    }

    private static EOFException truncated(int length) {
        return new EOFException("the input ends inside a serialized string"
                + (length > 0 ? " of " + length + " chars" : ""));
    }

    private static IOException corrupt(String what) {
        return new IOException("corrupt serialized string: " + what);
    }
}

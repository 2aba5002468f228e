package io.freshet.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The views write exactly the bytes of {@link DataOutputStream} and read them back, across page boundaries. */
class DataViewsTest {

    private static final long SEED = 42L;

    /** Writes a fixed pseudo-random mix of all DataOutput operations. */
    private static void writeMix(DataOutput out) throws IOException {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            switch (i % 11) {
                case 0: out.writeInt(random.nextInt()); break;
                case 1: out.writeLong(random.nextLong()); break;
                case 2: out.writeShort(random.nextInt()); break;
                case 3: out.writeByte(random.nextInt()); break;
                case 4: out.writeBoolean(random.nextBoolean()); break;
                case 5: out.writeDouble(random.nextDouble()); break;
                case 6: out.writeFloat(random.nextFloat()); break;
                case 7: out.writeChar(random.nextInt(0x10000)); break;
                case 8: out.writeUTF("grüße " + i + " \u0000 \u20AC"); break;
                case 9: {
                    byte[] bytes = new byte[random.nextInt(40)];
                    random.nextBytes(bytes);
                    out.write(bytes);
                    break;
                }
                default: out.writeChars("ab" + i);
            }
        }
    }

    private static void readAndCheckMix(DataInputView in) throws IOException {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            switch (i % 11) {
                case 0: assertThat(in.readInt()).isEqualTo(random.nextInt()); break;
                case 1: assertThat(in.readLong()).isEqualTo(random.nextLong()); break;
                case 2: assertThat(in.readShort()).isEqualTo((short) random.nextInt()); break;
                case 3: assertThat(in.readByte()).isEqualTo((byte) random.nextInt()); break;
                case 4: assertThat(in.readBoolean()).isEqualTo(random.nextBoolean()); break;
                case 5: assertThat(in.readDouble()).isEqualTo(random.nextDouble()); break;
                case 6: assertThat(in.readFloat()).isEqualTo(random.nextFloat()); break;
                case 7: assertThat(in.readChar()).isEqualTo((char) random.nextInt(0x10000)); break;
                case 8: assertThat(in.readUTF()).isEqualTo("grüße " + i + " \u0000 \u20AC"); break;
                case 9: {
                    byte[] expected = new byte[random.nextInt(40)];
                    random.nextBytes(expected);
                    byte[] actual = new byte[expected.length];
                    in.readFully(actual);
                    assertThat(actual).isEqualTo(expected);
                    break;
                }
                default: {
                    String expected = "ab" + i;
                    for (int c = 0; c < expected.length(); c++) {
                        assertThat(in.readChar()).isEqualTo(expected.charAt(c));
                    }
                }
            }
        }
    }

    private static byte[] reference() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeMix(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void dataOutputSerializerWritesTheBytesOfDataOutputStream() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1);

        writeMix(out);

        assertThat(out.getCopyOfBuffer()).isEqualTo(reference());
    }

    @Test
    void dataInputDeserializerReadsWhatWasWrittenAndThenSignalsTheEnd() throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(reference());

        readAndCheckMix(in);

        assertThat(in.available()).isZero();
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "pages of {0} bytes, header {1}, offHeap {2}")
    @CsvSource({"7,0,false", "16,0,true", "16,3,false", "128,4,true", "4096,0,false"})
    void pagedViewsWriteTheSameBytesAndReadThemBackAcrossPages(int pageSize, int header, boolean offHeap)
            throws IOException {
        ListOutputView out = new ListOutputView(pageSize, header, offHeap);
        writeMix(out);
        out.finish();

        byte[] payload = out.payload();
        assertThat(payload).isEqualTo(reference());

        readAndCheckMix(new ListInputView(out.pages, out.limits, header));
    }

    @Test
    void pagedInputSignalsTheEndOfTheLastPage() throws IOException {
        ListOutputView out = new ListOutputView(8, 0, false);
        out.writeInt(1);
        out.writeShort(2);
        out.finish();
        ListInputView in = new ListInputView(out.pages, out.limits, 0);

        assertThat(in.readInt()).isEqualTo(1);
        assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
    }

    @Test
    void copyingFromAnInputViewMovesTheBytes() throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(reference());
        ListOutputView paged = new ListOutputView(13, 2, false);

        paged.write(in, reference().length);
        paged.finish();

        assertThat(paged.payload()).isEqualTo(reference());
    }

    /** Collects pages in a list. */
    static final class ListOutputView extends AbstractPagedOutputView {
        final List<MemorySegment> pages = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();
        private final boolean offHeap;

        ListOutputView(int pageSize, int header, boolean offHeap) {
            super(pageSize, header);
            this.offHeap = offHeap;
        }

        @Override
        protected MemorySegment nextSegment(MemorySegment current, int positionInCurrent) {
            if (current != null) {
                limits.add(positionInCurrent);
            }
            MemorySegment next = offHeap ? MemorySegmentFactory.allocateUnpooledOffHeapMemory(segmentSize)
                    : MemorySegmentFactory.allocateUnpooledSegment(segmentSize);
            pages.add(next);
            return next;
        }

        void finish() {
            if (getCurrentSegment() != null) {
                limits.add(getCurrentPositionInSegment());
            }
        }

        byte[] payload() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < pages.size(); i++) {
                byte[] page = new byte[limits.get(i) - headerLength];
                pages.get(i).get(headerLength, page, 0, page.length);
                bytes.writeBytes(page);
            }
            return bytes.toByteArray();
        }
    }

    /** Reads pages from a list. */
    static final class ListInputView extends AbstractPagedInputView {
        private final List<MemorySegment> pages;
        private final List<Integer> limits;
        private int next;

        ListInputView(List<MemorySegment> pages, List<Integer> limits, int header) {
            super(header);
            this.pages = pages;
            this.limits = limits;
        }

        @Override
        protected MemorySegment nextSegment(MemorySegment current) throws EOFException {
            if (next >= pages.size()) {
                throw new EOFException("no more pages");
            }
            return pages.get(next++);
        }

        @Override
        protected int getLimitForSegment(MemorySegment segment) {
            return limits.get(pages.indexOf(segment));
        }
    }
}

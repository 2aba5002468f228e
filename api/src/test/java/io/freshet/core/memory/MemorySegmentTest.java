package io.freshet.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySegmentTest {

    private static MemorySegment segment(boolean offHeap, int size) {
        return offHeap ? MemorySegmentFactory.allocateUnpooledOffHeapMemory(size)
                : MemorySegmentFactory.allocateUnpooledSegment(size);
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void valuesReadBackAsWritten(boolean offHeap) {
        MemorySegment s = segment(offHeap, 64);

        s.putInt(0, 0x01020304);
        s.putLong(4, -5L);
        s.putDouble(12, Math.PI);
        s.putShort(20, (short) -2);
        s.putChar(22, 'ß');
        s.putBoolean(24, true);
        s.putIntBigEndian(25, 7);
        s.putLongBigEndian(29, Long.MIN_VALUE);

        assertThat(s.getInt(0)).isEqualTo(0x01020304);
        assertThat(s.getLong(4)).isEqualTo(-5L);
        assertThat(s.getDouble(12)).isEqualTo(Math.PI);
        assertThat(s.getShort(20)).isEqualTo((short) -2);
        assertThat(s.getChar(22)).isEqualTo('ß');
        assertThat(s.getBoolean(24)).isTrue();
        assertThat(s.getIntBigEndian(25)).isEqualTo(7);
        assertThat(s.getLongBigEndian(29)).isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void bigEndianValuesHaveTheByteOrderOfDataOutput(boolean offHeap) {
        MemorySegment s = segment(offHeap, 16);

        s.putIntBigEndian(0, 0x0A0B0C0D);
        s.putLongBigEndian(4, 0x0102030405060708L);

        byte[] bytes = new byte[12];
        s.get(0, bytes, 0, 12);
        assertThat(bytes).containsExactly(0x0A, 0x0B, 0x0C, 0x0D, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(s.wrap(0, 4).getInt()).isEqualTo(0x0A0B0C0D);
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void accessOutsideTheSegmentFailsWithoutTouchingMemory(boolean offHeap) {
        MemorySegment s = segment(offHeap, 8);

        assertThatThrownBy(() -> s.putLong(1, 1L)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("8 bytes at index 1");
        assertThatThrownBy(() -> s.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.put(4, new byte[8], 0, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void freedSegmentRejectsAccess(boolean offHeap) {
        MemorySegment s = segment(offHeap, 8);

        s.free();
        s.free();

        assertThat(s.isFreed()).isTrue();
        assertThatThrownBy(() -> s.getInt(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("freed");
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void copyAndCompareWorkAcrossHeapAndOffHeap(boolean offHeap) {
        MemorySegment a = segment(offHeap, 32);
        MemorySegment b = segment(!offHeap, 32);
        for (int i = 0; i < 32; i++) {
            a.put(i, (byte) i);
        }

        a.copyTo(0, b, 0, 32);
        assertThat(a.compare(b, 0, 0, 32)).isZero();

        b.put(20, (byte) 0xFF);
        assertThat(a.compare(b, 0, 0, 32)).isNegative();
        assertThat(b.compare(a, 0, 0, 32)).isPositive();
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void wrappedDirectBufferSharesMemory(boolean offHeap) {
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        MemorySegment s = MemorySegmentFactory.wrapOffHeapMemory(direct);

        s.putIntBigEndian(4, 99);

        assertThat(direct.getInt(4)).isEqualTo(99);
        assertThat(s.isOffHeap()).isTrue();
    }
}

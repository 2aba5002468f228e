package io.freshet.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class JobIDTest {

    @Test
    void hexStringIs32LowercaseDigitsUpperPartFirst() {
        JobID id = new JobID(0xffL, 1L);

        assertThat(id.toString()).isEqualTo("000000000000000100000000000000ff");
        assertThat(id.toHexString()).isEqualTo(id.toString());
    }

    @Test
    void negativePartsPrintAsUnsignedHex() {
        assertThat(new JobID(-1L, Long.MIN_VALUE)).hasToString("8000000000000000ffffffffffffffff");
    }

    @Test
    void hexStringRoundTrips() {
        for (int i = 0; i < 100; i++) {
            JobID id = JobID.generate();

            assertThat(JobID.fromHexString(id.toHexString())).isEqualTo(id);
        }
    }

    @Test
    void fromHexStringAcceptsUppercase() {
        assertThat(JobID.fromHexString("000000000000000100000000000000FF")).isEqualTo(new JobID(0xffL, 1L));
    }

    @Test
    void malformedHexStringIsRejectedWithTheExpectedFormat() {
        for (String bad : new String[] {"zz", "", "000000000000000100000000000000fg", "000000000000000100000000000000fff"}) {
            assertThatThrownBy(() -> JobID.fromHexString(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"")
                    .hasMessageContaining("32 hexadecimal digits");
        }
        assertThatThrownBy(() -> JobID.fromHexString(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesRoundTripThroughArrayAndBuffer() {
        JobID id = new JobID();

        byte[] bytes = id.getBytes();

        assertThat(bytes).hasSize(16);
        assertThat(JobID.fromByteArray(bytes)).isEqualTo(id);
        assertThat(JobID.fromByteBuffer(ByteBuffer.wrap(bytes))).isEqualTo(id);
    }

    @Test
    void byteArrayOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> JobID.fromByteArray(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsDiffer() {
        assertThat(new JobID()).isNotEqualTo(new JobID());
    }

    @Test
    void idsAreEqualByValueAndOrderedByUpperThenLowerPart() {
        JobID a = new JobID(5L, 1L);

        assertThat(a).isEqualTo(new JobID(5L, 1L)).hasSameHashCodeAs(new JobID(5L, 1L));
        assertThat(a.compareTo(new JobID(0L, 2L))).isNegative();
        assertThat(a.compareTo(new JobID(4L, 1L))).isPositive();
        assertThat(a.compareTo(new JobID(5L, 1L))).isZero();
    }
}

package io.freshet.api.java.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NullByteKeySelectorTest {

    @Test
    void everyRecordGetsTheKeyZero() throws Exception {
        NullByteKeySelector<Object> selector = new NullByteKeySelector<>();

        assertThat(selector.getKey("a")).isEqualTo((byte) 0);
        assertThat(selector.getKey(null)).isEqualTo((byte) 0);
    }
}

package io.freshet.runtime.io.network.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.buffer.Buffer;

class EventSerializerTest {

    @Test
    void endOfPartitionTravelsAsAFourByteTagInItsOwnEventBuffer() throws IOException {
        Buffer buffer = EventSerializer.toBuffer(EndOfPartitionEvent.INSTANCE);

        assertThat(buffer.isBuffer()).isFalse();
        assertThat(buffer.getDataType()).isEqualTo(Buffer.DataType.EVENT_BUFFER);
        assertThat(buffer.getSize()).isEqualTo(4);
        assertThat(buffer.getMemorySegment().getIntBigEndian(0)).isEqualTo(EventSerializer.END_OF_PARTITION_EVENT);
        assertThat(EventSerializer.fromBuffer(buffer)).isSameAs(EndOfPartitionEvent.INSTANCE);
        assertThat(EventSerializer.isEvent(buffer, EndOfPartitionEvent.class)).isTrue();

        buffer.recycleBuffer();
        assertThat(buffer.getMemorySegment().isFreed()).isTrue();
    }

    @Test
    void unknownTagsAndUnknownEventsAreErrors() {
        ByteBuffer unknown = ByteBuffer.allocate(4).putInt(0, 99);

        assertThatThrownBy(() -> EventSerializer.fromSerializedEvent(unknown))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown event type tag 99");
        assertThatThrownBy(() -> EventSerializer.fromSerializedEvent(ByteBuffer.allocate(2)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EventSerializer.toSerializedEvent(new AbstractEvent() {}))
                .isInstanceOf(IOException.class).hasMessageContaining("no serialization");
    }
}

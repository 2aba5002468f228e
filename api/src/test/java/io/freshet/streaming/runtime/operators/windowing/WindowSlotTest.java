package io.freshet.streaming.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.GenericTypeInfo;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** A key's windows as the window operator keeps them in keyed state. */
class WindowSlotTest {

    private static WindowSlot<TimeWindow, long[]> slot(long start) {
        return new WindowSlot<>(new TimeWindow(start, start + 10));
    }

    @Test
    void windowsKeepTheirOrderOfArrivalAndAnArrayIsNeverChangedInPlace() {
        WindowSlot<TimeWindow, long[]> first = slot(0);
        WindowSlot<TimeWindow, long[]> second = slot(10);
        WindowSlot<TimeWindow, long[]> third = slot(20);

        Object one = WindowSlot.append(null, first);
        Object two = WindowSlot.append(one, second);
        Object three = WindowSlot.append(two, third);
        Object withoutSecond = WindowSlot.remove(three, second);

        assertThat(one).isSameAs(first);
        assertThat(WindowSlot.count(three)).isEqualTo(3);
        assertThat((Object[]) three).containsExactly(first, second, third);
        assertThat((Object[]) two).as("a snapshot").containsExactly(first, second);
        assertThat((Object[]) withoutSecond).containsExactly(first, third);
        assertThat(WindowSlot.<TimeWindow, long[]>find(withoutSecond, new TimeWindow(20, 30))).isSameAs(third);
        assertThat(WindowSlot.<TimeWindow, long[]>find(withoutSecond, new TimeWindow(10, 20))).isNull();
        assertThat(WindowSlot.remove(WindowSlot.remove(withoutSecond, first), third)).isNull();
    }

    @Test
    void aSlotRemembersItsLastTimerUntilItFires() {
        WindowSlot<TimeWindow, long[]> slot = slot(0);
        slot.timerRegistered(true, 9);

        assertThat(slot.hasTimer(true, 9)).isTrue();
        assertThat(slot.hasTimer(false, 9)).as("another domain").isFalse();
        assertThat(slot.hasTimer(true, 8)).isFalse();
        slot.timerFired(true, 8);
        assertThat(slot.hasTimer(true, 9)).as("another timer fired").isTrue();
        slot.timerFired(true, 9);
        assertThat(slot.hasTimer(true, 9)).isFalse();
    }

    @Test
    void aSnapshotKeepsTheContentsButNotTheRememberedTimers() throws Exception {
        WindowSlot<TimeWindow, long[]> slot = slot(0);
        slot.accumulator = new long[] {3};
        slot.timerRegistered(true, 9);
        slot.cleanupTimerRegistered = true;
        TypeSerializer<Object> serializer = new GenericTypeInfo<>(Object.class).createSerializer(new ExecutionConfig());

        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(WindowSlot.append(slot, slot(10)), out);
        Object restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        WindowSlot<TimeWindow, long[]> first = WindowSlot.get(restored, 0);
        assertThat(WindowSlot.count(restored)).isEqualTo(2);
        assertThat(first.window).isEqualTo(new TimeWindow(0, 10));
        assertThat(first.accumulator).containsExactly(3);
        assertThat(first.hasTimer(true, 9)).as("timers are restored by the timer service, if at all").isFalse();
        assertThat(first.cleanupTimerRegistered).isFalse();
    }
}

package io.freshet.streaming.runtime.operators.windowing;

import io.freshet.streaming.api.windowing.windows.Window;

/**
 * One live window of a key with its contents, as the {@link WindowOperator} keeps it in keyed state. A key's windows
 * are the state's value: a single {@code WindowSlot} (the usual case of tumbling windows: the record's window is found
 * without a collection in between), or a {@code WindowSlot[]} in order of arrival, or nothing. The array is never
 * changed in place: adding or removing a window makes a new one, so a loop over the old array sees a snapshot.
 *
 * <p>The slot also remembers the last timer registered while a record of its window was processed, so
 * that a trigger registering the same timer for every record (as the event-time trigger does) costs a comparison
 * instead of a lookup in the timer service. The law: a remembered timer is pending in the timer service for the key.
 * It holds because the operator never deletes timers and forgets the remembered timers of all the key's slots when
 * a timer of the key fires ({@link #timerFired}); the memory is transient, so state restored from a snapshot starts
 * without it and registers again.
 */
final class WindowSlot<W extends Window, ACC> {

    final W window;
    /** The window's contents: the accumulator, or with an evictor the timestamped elements; null until the first. */
    ACC accumulator;

    /** The remembered timer's domain: 0 none, 1 event time, 2 processing time (one field keeps the slot small). */
    private transient byte rememberedDomain;
    private transient long rememberedTimer;
    /** Whether the window's cleanup timer is registered (it fires at most once, and the window goes with it). */
    transient boolean cleanupTimerRegistered;

    WindowSlot(W window) {
        this.window = window;
    }

    /** Whether {@code time} is the remembered pending timer of the domain. */
    boolean hasTimer(boolean eventTime, long time) {
        return rememberedTimer == time && rememberedDomain == domain(eventTime);
    }

    /** Remembers that the key's timer at {@code time} is registered. */
    void timerRegistered(boolean eventTime, long time) {
        rememberedDomain = domain(eventTime);
        rememberedTimer = time;
    }

    /** Forgets the timer at {@code time}: it fired. */
    void timerFired(boolean eventTime, long time) {
        if (hasTimer(eventTime, time)) {
            rememberedDomain = 0;
        }
    }

    private static byte domain(boolean eventTime) {
        return eventTime ? (byte) 1 : (byte) 2;
    }

    // ---- a key's windows: null, one slot, or an array of slots ----

    /** The slot of {@code window} among {@code windows}, or null. */
    @SuppressWarnings("unchecked")
    static <W extends Window, ACC> WindowSlot<W, ACC> find(Object windows, W window) {
        if (windows instanceof WindowSlot) {
            WindowSlot<W, ACC> slot = (WindowSlot<W, ACC>) windows;
            return slot.window.equals(window) ? slot : null;
        }
        if (windows == null) {
            return null;
        }
        for (WindowSlot<W, ACC> slot : (WindowSlot<W, ACC>[]) windows) {
            if (slot.window.equals(window)) {
                return slot;
            }
        }
        return null;
    }

    /** {@code windows} with {@code slot} added last. */
    static Object append(Object windows, WindowSlot<?, ?> slot) {
        if (windows == null) {
            return slot;
        }
        if (windows instanceof WindowSlot) {
            return new WindowSlot<?, ?>[] {(WindowSlot<?, ?>) windows, slot};
        }
        WindowSlot<?, ?>[] slots = (WindowSlot<?, ?>[]) windows;
        WindowSlot<?, ?>[] grown = java.util.Arrays.copyOf(slots, slots.length + 1);
        grown[slots.length] = slot;
        return grown;
    }

    /** {@code windows} without {@code slot} (unchanged if it is not among them). */
    static Object remove(Object windows, WindowSlot<?, ?> slot) {
        if (windows == slot) {
            return null;
        }
        if (!(windows instanceof WindowSlot[])) {
            return windows;
        }
        WindowSlot<?, ?>[] slots = (WindowSlot<?, ?>[]) windows;
        int index = indexOf(slots, slot);
        if (index < 0) {
            return windows;
        }
        if (slots.length == 2) {
            return slots[1 - index];
        }
        WindowSlot<?, ?>[] shrunk = new WindowSlot<?, ?>[slots.length - 1];
        System.arraycopy(slots, 0, shrunk, 0, index);
        System.arraycopy(slots, index + 1, shrunk, index, shrunk.length - index);
        return shrunk;
    }

    private static int indexOf(WindowSlot<?, ?>[] slots, WindowSlot<?, ?> slot) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return -1;
    }

    /** The number of windows. */
    static int count(Object windows) {
        return windows == null ? 0 : windows instanceof WindowSlot ? 1 : ((WindowSlot<?, ?>[]) windows).length;
    }

    /** The {@code index}th window, in order of arrival. */
    @SuppressWarnings("unchecked")
    static <W extends Window, ACC> WindowSlot<W, ACC> get(Object windows, int index) {
        return windows instanceof WindowSlot ? (WindowSlot<W, ACC>) windows : ((WindowSlot<W, ACC>[]) windows)[index];
    }
}

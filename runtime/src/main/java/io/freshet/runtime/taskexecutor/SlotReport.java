package io.freshet.runtime.taskexecutor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * All slots of a TaskExecutor with their state. Sent when registering at the ResourceManager and with every
 * heartbeat; the ResourceManager's view of the slots follows the latest report.
 */
public final class SlotReport implements Serializable, Iterable<SlotStatus> {

    private static final long serialVersionUID = 1L;

    private final List<SlotStatus> slots;

    public SlotReport(Collection<SlotStatus> slots) {
        this.slots = Collections.unmodifiableList(new ArrayList<>(slots));
    }

    public List<SlotStatus> getSlots() {
        return slots;
    }

    public int getNumberOfFreeSlots() {
        int free = 0;
        for (SlotStatus slot : slots) {
            if (slot.isFree()) {
                free++;
            }
        }
        return free;
    }

    @Override
    public java.util.Iterator<SlotStatus> iterator() {
        return slots.iterator();
    }

    @Override
    public String toString() {
        return "SlotReport" + slots;
    }
}

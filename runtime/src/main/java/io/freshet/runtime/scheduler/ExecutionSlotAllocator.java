package io.freshet.runtime.scheduler;

import java.util.concurrent.CompletableFuture;

import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.jobmaster.LogicalSlot;

/**
 * Finds slots for subtasks. Implementations decide slot sharing (subtasks of vertices in one slot sharing group
 * may share a physical slot) and talk to the ResourceManager. Futures complete on the JobMaster's main thread
 * or are handed back to it by the caller; a future that fails (for example with a timeout naming how many
 * slots are missing) fails the subtask.
 */
public interface ExecutionSlotAllocator {

    CompletableFuture<LogicalSlot> allocateSlotFor(ExecutionVertex vertex);

    /** The subtask no longer needs its slot (it ended, or its allocation is cancelled before it completed). */
    void releaseSlotOf(ExecutionVertex vertex, Throwable cause);
}

package io.freshet.runtime.resourcemanager.slotmanager;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * What a {@link SlotManager} asks of its ResourceManager: more workers when the declared slots exceed the free ones,
 * and the release of idle workers. Called on the ResourceManager's main thread.
 */
public interface ResourceActions {

    /**
     * Asks for workers that bring at least {@code slotsNeeded} more slots.
     *
     * @return how many slots the workers now being started will bring (0 if none are started, e.g. standalone); the
     *     slot manager does not ask again for those while they are on their way
     */
    int allocateResources(int slotsNeeded);

    /**
     * The worker {@code resourceId} has had only free slots for {@code resourcemanager.taskmanager-timeout}.
     *
     * @return true if the worker is being stopped (the ResourceManager then unregisters it), false to keep it
     */
    boolean releaseResource(ResourceID resourceId, Exception cause);
}

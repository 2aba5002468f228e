package io.freshet.api.common.functions;

/**
 * Turns the elements of a broadcast variable into the form a function wants to use, for example a map for
 * lookups. The runtime calls it once per task manager and shares the result between the parallel instances
 * of the function there, so the result must not be modified by them.
 *
 * @param <T> the element type of the broadcast variable
 * @param <O> the type of the initialized form
 */
@FunctionalInterface
public interface BroadcastVariableInitializer<T, O> {

    /** Returns the initialized form of the broadcast variable with the given elements. */
    O initializeBroadcastVariable(Iterable<T> data);
}

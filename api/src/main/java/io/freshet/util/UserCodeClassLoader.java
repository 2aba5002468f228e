package io.freshet.util;

/** The class loader of the job's code. */
public interface UserCodeClassLoader {

    ClassLoader asClassLoader();

    /** Runs {@code releaseHook} when the class loader is released (the job ends on this process). */
    void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook);
}

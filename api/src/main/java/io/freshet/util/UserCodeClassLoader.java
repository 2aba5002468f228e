package io.freshet.util;

/** The class loader of the job's code. */
public interface UserCodeClassLoader {

    ClassLoader asClassLoader();

    /** Runs {@code releaseHook} when the class loader is released (the job ends on this process). */
    void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook);

    /** {@code classLoader}, its release hooks registered through {@code hooks} (a runtime context's, say). */
    static UserCodeClassLoader of(ClassLoader classLoader, java.util.function.BiConsumer<String, Runnable> hooks) {
        return new UserCodeClassLoader() {
            @Override
            public ClassLoader asClassLoader() {
                return classLoader;
            }

            @Override
            public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
                hooks.accept(releaseHookName, releaseHook);
            }
        };
    }
}

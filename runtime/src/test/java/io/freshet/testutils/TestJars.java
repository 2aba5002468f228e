package io.freshet.testutils;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars built at test time. */
public final class TestJars {

    private TestJars() {}

    /**
     * A jar in {@code directory} whose manifest names {@code mainClass} (or no main class for null) and that holds
     * nothing else: its classes come from the test class path, which is the parent of every user-code class loader.
     */
    public static Path manifestOnlyJar(Path directory, Class<?> mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        }
        Path jar = directory.resolve((mainClass == null ? "no-main" : mainClass.getSimpleName()) + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file,
                manifest)) {
            // the manifest is all the jar holds
        }
        return jar;
    }
}

package io.freshet.runtime.execution.librarycache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.freshet.api.common.JobID;
import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.blob.BlobCache;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.execution.librarycache.LibraryCacheManager.ClassLoaderLease;
import io.freshet.runtime.execution.librarycache.UserCodeClassLoaders.ResolveOrder;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.memory.MemoryManager;
import io.freshet.runtime.taskmanager.Task;
import io.freshet.runtime.taskmanager.TaskExecutionState;
import io.freshet.runtime.taskmanager.TaskManagerActions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-code class loading with a real jar compiled in the test: child-first prefers the jar, parent-first the
 * Freshet class path, parent-first patterns win over child-first, an invokable from the jar runs, a missing class
 * fails the task naming the class and the jars, and the job's class loader closes with its last lease.
 */
class UserCodeClassLoadingTest {

    @TempDir
    static Path tempDir;

    private static String jarUrl;

    @BeforeAll
    static void buildJar() throws Exception {
        Path sources = Files.createDirectories(tempDir.resolve("src"));
        Path classes = Files.createDirectories(tempDir.resolve("classes"));
        Path versioned = Files.createDirectories(sources.resolve("org/example/shadow")).resolve("Versioned.java");
        Files.writeString(versioned, "package org.example.shadow;\n"
                + "public final class Versioned {\n"
                + "    public static final String VERSION = \"child\";\n"
                + "    public static String version() { return VERSION; }\n"
                + "}\n");
        Path invokable = Files.createDirectories(sources.resolve("org/example/job")).resolve("JarInvokable.java");
        Files.writeString(invokable, "package org.example.job;\n"
                + "public class JarInvokable extends io.freshet.runtime.jobgraph.tasks.AbstractInvokable {\n"
                + "    public JarInvokable(io.freshet.runtime.execution.Environment environment) {"
                + " super(environment); }\n"
                + "    @Override public void invoke() {\n"
                + "        if (!org.example.shadow.Versioned.version().equals(\"child\")) {\n"
                + "            throw new IllegalStateException(\"loaded the wrong Versioned\");\n"
                + "        }\n"
                + "    }\n"
                + "}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classPath = location(AbstractInvokable.class) + File.pathSeparator + location(Configuration.class);
        int result = compiler.run(null, null, null, "-d", classes.toString(), "-classpath", classPath,
                versioned.toString(), invokable.toString());
        assertThat(result).as("compiling the test jar's classes").isZero();
        Path jar = tempDir.resolve("job.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        jarUrl = jar.toUri().toURL().toString();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }

    private static LibraryCacheManager manager(ResolveOrder order, String... parentFirst) {
        return new LibraryCacheManager(order, parentFirst, UserCodeClassLoadingTest.class.getClassLoader());
    }

    private static String versionSeenThrough(ClassLoader loader) throws Exception {
        return (String) loader.loadClass("org.example.shadow.Versioned").getMethod("version").invoke(null);
    }

    @Test
    void childFirstLoadsTheJarsVersion() throws Exception {
        try (LibraryCacheManager manager = manager(ResolveOrder.CHILD_FIRST, "java.", "io.freshet.")) {
            ClassLoaderLease lease = manager.registerClassLoaderLease(new JobID());
            assertThat(versionSeenThrough(lease.getOrResolveClassLoader(List.of(jarUrl)))).isEqualTo("child");
        }
    }

    @Test
    void aJarFromTheBlobServerIsDownloadedLoadedAndRemovedWithTheClassLoader() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(BlobServerOptions.STORAGE_DIRECTORY, tempDir.toString());
        JobID job = new JobID();
        try (BlobServer server = new BlobServer(configuration, "localhost");
                LibraryCacheManager manager = new LibraryCacheManager(ResolveOrder.CHILD_FIRST,
                        new String[] {"java.", "io.freshet."}, UserCodeClassLoadingTest.class.getClassLoader(),
                        BlobCache.fromConfiguration(configuration))) {
            String blobUrl = server.putJar(job, Paths.get(new java.net.URI(jarUrl)));
            ClassLoaderLease lease = manager.registerClassLoaderLease(job);

            ClassLoader loader = lease.getOrResolveClassLoader(List.of(blobUrl));

            assertThat(versionSeenThrough(loader)).isEqualTo("child");
            assertThat(cachedJars(job)).hasSize(1);
            lease.release();
            assertThat(cachedJars(job)).as("the job's downloads go with its class loader").isEmpty();
        }
    }

    private static List<Path> cachedJars(JobID job) throws IOException {
        try (Stream<Path> files = Files.walk(tempDir)) {
            return files.filter(file -> file.toString().contains("blobCache-") && file.getParent() != null
                    && file.getParent().getFileName().toString().equals("job_" + job)).collect(Collectors.toList());
        }
    }

    @Test
    void parentFirstLoadsTheClassPathVersion() throws Exception {
        try (LibraryCacheManager manager = manager(ResolveOrder.PARENT_FIRST, "java.", "io.freshet.")) {
            ClassLoaderLease lease = manager.registerClassLoaderLease(new JobID());
            assertThat(versionSeenThrough(lease.getOrResolveClassLoader(List.of(jarUrl)))).isEqualTo("parent");
        }
    }

    @Test
    void parentFirstPatternsWinOverChildFirst() throws Exception {
        try (LibraryCacheManager manager = manager(ResolveOrder.CHILD_FIRST, "java.", "org.example.shadow.")) {
            ClassLoaderLease lease = manager.registerClassLoaderLease(new JobID());
            assertThat(versionSeenThrough(lease.getOrResolveClassLoader(List.of(jarUrl)))).isEqualTo("parent");
        }
    }

    @Test
    void defaultParentFirstPatternsAreFlinks() {
        String[] patterns = UserCodeClassLoaders.parentFirstPatterns(new Configuration());
        assertThat(patterns).contains("java.", "io.freshet.", "org.slf4j", "org.apache.log4j", "org.apache.logging");
        assertThat(LibraryCacheManager.fromConfiguration(new Configuration()).getResolveOrder())
                .isEqualTo(ResolveOrder.CHILD_FIRST);
    }

    @Test
    void jobClassLoaderIsSharedAndClosedWithTheLastLease() throws Exception {
        try (LibraryCacheManager manager = manager(ResolveOrder.CHILD_FIRST, "java.", "io.freshet.")) {
            JobID job = new JobID();
            ClassLoaderLease first = manager.registerClassLoaderLease(job);
            ClassLoaderLease second = manager.registerClassLoaderLease(job);
            ClassLoader loader = first.getOrResolveClassLoader(List.of(jarUrl));
            assertThat(second.getOrResolveClassLoader(List.of(jarUrl))).isSameAs(loader);

            first.release();
            first.release();
            assertThat(manager.getNumberOfReferencedJobs()).isEqualTo(1);
            second.release();

            assertThat(manager.getNumberOfReferencedJobs()).isZero();
        }
    }

    @Test
    void invokableFromTheJarRunsWithTheJarsClasses() throws Exception {
        RecordingActions actions = runTask("org.example.job.JarInvokable");

        assertThat(actions.states()).containsExactly(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING,
                ExecutionState.RUNNING, ExecutionState.FINISHED);
    }

    @Test
    void invokableMissingFromTheJarFailsTheTaskNamingClassAndJars() throws Exception {
        RecordingActions actions = runTask("org.example.job.NotInTheJar");

        assertThat(actions.states()).containsExactly(ExecutionState.DEPLOYING, ExecutionState.FAILED);
        TaskExecutionState failed = actions.updates.get(1);
        assertThat(failed.getError().getOriginalClassName()).isEqualTo(ClassNotFoundException.class.getName());
        assertThat(failed.getError()).hasMessageContaining("org.example.job.NotInTheJar")
                .hasMessageContaining(jarUrl).hasMessageContaining("child-first");
    }

    private static RecordingActions runTask(String invokableClass) throws Exception {
        RecordingActions actions = new RecordingActions();
        try (LibraryCacheManager manager = manager(ResolveOrder.CHILD_FIRST, "java.", "io.freshet.");
                MemoryManager memory = new MemoryManager(1 << 16, 4096)) {
            JobID job = new JobID();
            TaskDeploymentDescriptor deployment = new TaskDeploymentDescriptor(job, "jar job", new Configuration(),
                    List.of(jarUrl), ExecutionAttemptID.randomId(), new AllocationID(), "Jar Task", invokableClass,
                    new Configuration(), Map.of(), 0, 1, 1, List.of(), List.of());
            Task task = new Task(deployment, List.of(), List.of(), memory, manager.registerClassLoaderLease(job),
                    actions, new File[] {tempDir.toFile()}, Duration.ofSeconds(1), Duration.ofSeconds(10));
            task.startTaskThread();
            task.getTerminationFuture().get(30, TimeUnit.SECONDS);
            assertThat(manager.getNumberOfReferencedJobs()).as("the lease ends with the task").isZero();
        }
        return actions;
    }

    private static final class RecordingActions implements TaskManagerActions {

        @Override
        public void sendOperatorEventToCoordinator(io.freshet.runtime.executiongraph.ExecutionAttemptID attemptId,
                io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent) {}

        final List<TaskExecutionState> updates = new CopyOnWriteArrayList<>();

        @Override
        public void updateTaskExecutionState(TaskExecutionState taskExecutionState) {
            updates.add(taskExecutionState);
        }

        @Override
        public void notifyFatalError(String message, Throwable cause) {
            throw new AssertionError("unexpected fatal error: " + message, cause);
        }

        List<ExecutionState> states() {
            List<ExecutionState> states = new ArrayList<>();
            for (TaskExecutionState update : updates) {
                states.add(update.getExecutionState());
            }
            return states;
        }
    }
}

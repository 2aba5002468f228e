package io.freshet.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;

/** Finds executor factories on the class path with {@link ServiceLoader}. */
public final class DefaultExecutorServiceLoader implements PipelineExecutorServiceLoader {

    private final ClassLoader classLoader;

    public DefaultExecutorServiceLoader() {
        this(DefaultExecutorServiceLoader.class.getClassLoader());
    }

    public DefaultExecutorServiceLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
        String target = configuration.getOptional(DeploymentOptions.TARGET).orElse(null);
        if (target == null || target.isBlank()) {
            throw new IllegalStateException("No execution target is configured: set '" + DeploymentOptions.TARGET.key()
                    + "' to one of " + names() + " (bin/flink run -t <target>).");
        }
        List<PipelineExecutorFactory> compatible = new ArrayList<>();
        for (PipelineExecutorFactory factory : factories()) {
            if (factory.isCompatibleWith(configuration)) {
                compatible.add(factory);
            }
        }
        if (compatible.isEmpty()) {
            throw new IllegalStateException("No executor serves the execution target '" + target + "' ('"
                    + DeploymentOptions.TARGET.key() + "'); the available targets are " + names() + ".");
        }
        if (compatible.size() > 1) {
            throw new IllegalStateException("Several executors serve the execution target '" + target + "': "
                    + compatible.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(", "))
                    + "; remove the duplicate jar from the class path.");
        }
        return compatible.get(0);
    }

    @Override
    public Stream<String> getExecutorNames() {
        return factories().stream().map(PipelineExecutorFactory::getName);
    }

    private String names() {
        return getExecutorNames().sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private List<PipelineExecutorFactory> factories() {
        List<PipelineExecutorFactory> factories = new ArrayList<>();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, classLoader)) {
            factories.add(factory);
        }
        return factories;
    }
}

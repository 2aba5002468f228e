package io.freshet.streaming.api.transformations;

import java.util.List;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.connector.source.Boundedness;
import io.freshet.api.connector.source.Source;
import io.freshet.api.dag.Transformation;

/** A split-based source ({@code fromSource}): its readers run in the tasks, its enumerator on the JobManager. */
public final class SourceTransformation<T> extends Transformation<T> {

    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private final long autoWatermarkIntervalMillis;

    public SourceTransformation(String name, Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy,
            TypeInformation<T> outputType, int parallelism, long autoWatermarkIntervalMillis) {
        super(name, outputType, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    public long getAutoWatermarkIntervalMillis() {
        return autoWatermarkIntervalMillis;
    }

    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}

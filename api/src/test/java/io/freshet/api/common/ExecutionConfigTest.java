package io.freshet.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.junit.jupiter.api.Test;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.PipelineOptions;

class ExecutionConfigTest {

    @Test
    void pipelineOptionsConfigureTheExecutionConfig() {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        configuration.set(PipelineOptions.MAX_PARALLELISM, 64);
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(50));
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.FORCE_KRYO, true);
        configuration.set(PipelineOptions.KRYO_REGISTERED_CLASSES, List.of(Point.class.getName()));
        configuration.set(PipelineOptions.KRYO_DEFAULT_SERIALIZERS,
                List.of("class:" + Point.class.getName() + ",serializer:" + PointSerializer.class.getName()));

        ExecutionConfig config = new ExecutionConfig(configuration);

        assertThat(config.getParallelism()).isEqualTo(3);
        assertThat(config.getMaxParallelism()).isEqualTo(64);
        assertThat(config.getAutoWatermarkInterval()).isEqualTo(50);
        assertThat(config.isObjectReuseEnabled()).isTrue();
        assertThat(config.hasGenericTypesDisabled()).isTrue();
        assertThat(config.isForceKryoEnabled()).isTrue();
        assertThat(config.getRegisteredKryoTypes()).containsExactly(Point.class);
        assertThat(config.getDefaultKryoSerializerClasses()).containsEntry(Point.class, PointSerializer.class);
    }

    @Test
    void unsetOptionsKeepTheDefaults() {
        ExecutionConfig config = new ExecutionConfig(new Configuration());

        assertThat(config).isEqualTo(new ExecutionConfig());
        assertThat(config.getParallelism()).isEqualTo(ExecutionConfig.PARALLELISM_DEFAULT);
        assertThat(config.hasGenericTypesDisabled()).isFalse();
    }

    @Test
    void unknownKryoClassIsNamedWithItsOption() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.KRYO_REGISTERED_CLASSES, List.of("com.example.Missing"));

        assertThatThrownBy(() -> new ExecutionConfig(configuration))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("com.example.Missing")
                .hasMessageContaining("pipeline.registered-kryo-types");
    }

    @Test
    void malformedDefaultSerializerEntryShowsTheExpectedForm() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.KRYO_DEFAULT_SERIALIZERS, List.of(Point.class.getName()));

        assertThatThrownBy(() -> new ExecutionConfig(configuration))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("class:<type>,serializer:<Kryo serializer class>");
    }

    @Test
    void invalidParallelismIsRejected() {
        assertThatThrownBy(() -> new ExecutionConfig().setParallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    }

    public static class Point {
        public int x;
    }

    public static class PointSerializer extends Serializer<Point> {
        @Override
        public void write(Kryo kryo, Output output, Point object) {
            output.writeInt(object.x);
        }

        @Override
        public Point read(Kryo kryo, Input input, Class<? extends Point> type) {
            Point point = new Point();
            point.x = input.readInt();
            return point;
        }
    }
}

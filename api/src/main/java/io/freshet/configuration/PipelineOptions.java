package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Options of a job's pipeline: its name, its jars, serialization and type handling. */
public final class PipelineOptions {

    private PipelineOptions() {}

    /** The job's name. */
    public static final ConfigOption<String> NAME = key("pipeline.name")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the job, shown in the Web UI, the CLI and the logs.");

    /** Jars shipped with the job. */
    public static final ConfigOption<List<String>> JARS = key("pipeline.jars")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("URLs of the jars that hold the job's code; they are shipped to the cluster with the"
                    + " job.");

    /** Classpath entries of the job. */
    public static final ConfigOption<List<String>> CLASSPATHS = key("pipeline.classpaths")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("URLs added to the job's class path on every node. They must be reachable from all"
                    + " nodes; unlike 'pipeline.jars' they are not shipped.");

    /** Whether operators without explicit uid get a generated one. */
    public static final ConfigOption<Boolean> AUTO_GENERATE_UIDS = key("pipeline.auto-generate-uids")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether operators without an explicit uid get one generated from the topology. Turn it"
                    + " off to force explicit uids, which keep savepoints compatible when the job changes.");

    /** Interval of periodic watermarks. */
    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = key("pipeline.auto-watermark-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How often periodic watermark generators emit a watermark. 0 turns periodic"
                    + " watermarks off.");

    /** Whether Kryo may serialize types without a dedicated serializer. */
    public static final ConfigOption<Boolean> GENERIC_TYPES = key("pipeline.generic-types")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether types that have no dedicated serializer may fall back to Kryo. When false, such"
                    + " a type fails the job at submission, which helps to find slow serialization.");

    /** Whether every type uses Kryo. */
    public static final ConfigOption<Boolean> FORCE_KRYO = key("pipeline.force-kryo")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether POJOs are serialized with Kryo instead of the POJO serializer.");

    /** Whether records may be reused between operators. */
    public static final ConfigOption<Boolean> OBJECT_REUSE = key("pipeline.object-reuse")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether the runtime may reuse record objects between chained operators. Faster, but"
                    + " user functions must then neither keep nor modify the records they receive.");

    /** Classes registered with Kryo. */
    public static final ConfigOption<List<String>> KRYO_REGISTERED_CLASSES = key("pipeline.registered-kryo-types")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Fully qualified class names registered with Kryo, e.g. 'com.example.A;com.example.B';"
                    + " registered classes are written as a small id instead of their name.");

    /** Default Kryo serializers per class. */
    public static final ConfigOption<List<String>> KRYO_DEFAULT_SERIALIZERS = key("pipeline.default-kryo-serializers")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Kryo serializers for given classes, each written as"
                    + " 'class:com.example.A,serializer:com.example.ASerializer' and separated by ';'.");

    /** The job's maximum parallelism. */
    public static final ConfigOption<Integer> MAX_PARALLELISM = key("pipeline.max-parallelism")
            .intType()
            .defaultValue(-1)
            .withDescription("Highest parallelism the job can be rescaled to; it fixes the number of key groups of"
                    + " keyed state. -1 derives it from the parallelism.");

    /** Whether operators are chained. */
    public static final ConfigOption<Boolean> OPERATOR_CHAINING = key("pipeline.operator-chaining.enabled")
            .booleanType()
            .defaultValue(true)
            .withDeprecatedKeys("pipeline.operator-chaining")
            .withDescription("Whether adjacent operators with the same parallelism run chained in one task, passing"
                    + " records by method call.");

    /** Parameters visible to every user function. */
    public static final ConfigOption<Map<String, String>> GLOBAL_JOB_PARAMETERS =
            key("pipeline.global-job-parameters")
                    .mapType()
                    .noDefaultValue()
                    .withDescription("Key-value parameters that every user function can read through its runtime"
                            + " context.");
}

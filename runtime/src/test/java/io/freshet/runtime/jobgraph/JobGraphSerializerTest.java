package io.freshet.runtime.jobgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobmanager.scheduler.CoLocationGroup;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JobGraphSerializerTest {

    // ---- round trips ----

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void randomGraphsSurviveARoundTripUnchanged(long seed) throws IOException {
        JobGraph original = randomGraph(new Random(seed));

        JobGraph copy = JobGraphSerializer.deserialize(JobGraphSerializer.serialize(original));

        assertThat(canonicalForm(copy)).isEqualTo(canonicalForm(original));
        copy.validate();
    }

    @Test
    void aRoundTripKeepsTypedConfigurationValuesReadableThroughTheirOptions() throws IOException {
        JobGraph graph = new JobGraph(new JobID(), "Configured", task("Only"));
        graph.getJobConfiguration().set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(7));
        graph.getJobConfiguration().set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 4);

        JobGraph copy = JobGraphSerializer.deserialize(JobGraphSerializer.serialize(graph));

        assertThat(copy.getJobConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(copy.getJobConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(4);
        assertThat(copy.getJobConfiguration()).isEqualTo(graph.getJobConfiguration());
    }

    @Test
    void anInvalidGraphIsNotSerialized() {
        JobVertex noCode = new JobVertex("NoCode");

        assertThatThrownBy(() -> JobGraphSerializer.serialize(new JobGraph(null, "Bad", noCode)))
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("no invokable class");
    }

    // ---- bad input ----

    @Test
    void everyTruncationIsReportedAsTruncated() throws IOException {
        byte[] bytes = JobGraphSerializer.serialize(randomGraph(new Random(42)));

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> JobGraphSerializer.deserialize(truncated))
                    .as("truncated to %d of %d bytes", length, bytes.length)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void everySingleFlippedBitOfTheBodyIsReportedAsCorrupted() throws IOException {
        byte[] bytes = JobGraphSerializer.serialize(randomGraph(new Random(7)));

        for (int position = 12; position < bytes.length; position++) {
            byte[] corrupted = bytes.clone();
            corrupted[position] ^= (byte) (1 << (position % 8));
            assertThatThrownBy(() -> JobGraphSerializer.deserialize(corrupted))
                    .as("bit flipped at byte %d", position)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("corrupted");
        }
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] bytes = JobGraphSerializer.serialize(randomGraph(new Random(3)));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 2);

        assertThatThrownBy(() -> JobGraphSerializer.deserialize(longer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 unexpected bytes");
    }

    @Test
    void anUnknownVersionIsRejectedNamingTheReadableVersions() throws IOException {
        byte[] bytes = JobGraphSerializer.serialize(randomGraph(new Random(5)));
        bytes[7] = 9; // the low byte of the version

        assertThatThrownBy(() -> JobGraphSerializer.deserialize(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 9")
                .hasMessageContaining("reads versions [1]");
    }

    @Test
    void bytesThatAreNoJobGraphAreRejectedByTheMagicNumber() {
        byte[] javaSerialized = {(byte) 0xAC, (byte) 0xED, 0, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        assertThatThrownBy(() -> JobGraphSerializer.deserialize(javaSerialized))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a serialized Freshet job graph")
                .hasMessageContaining("0xACED0005");
    }

    @Test
    void aBodyThatIsInconsistentDespiteItsChecksumIsReportedAsWrittenByAFaultyWriter() throws IOException {
        DataOutputSerializer body = new DataOutputSerializer(64);
        body.writeLong(1L);
        body.writeLong(2L);
        body.writeInt(1_000_000); // a name longer than the data
        byte[] bytes = withHeader(body);

        assertThatThrownBy(() -> JobGraphSerializer.deserialize(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("faulty writer");
    }

    private static byte[] withHeader(DataOutputSerializer body) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(JobGraphSerializer.MAGIC_NUMBER);
        out.writeInt(1);
        out.writeInt(body.length());
        out.write(body.getCopyOfBuffer());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getCopyOfBuffer());
        out.writeInt((int) crc.getValue());
        byte[] bytes = out.getCopyOfBuffer();
        assertThat(new DataInputDeserializer(bytes).readInt()).isEqualTo(JobGraphSerializer.MAGIC_NUMBER);
        return bytes;
    }

    // ---- random graphs ----

    private static JobVertex task(String name) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName("com.example.Task" + name);
        return vertex;
    }

    /** A random valid DAG exercising every field of the format. */
    static JobGraph randomGraph(Random random) throws IOException {
        JobGraph graph = new JobGraph(new JobID(random.nextLong(), random.nextLong()), "job-" + random.nextInt() + "-ü€");
        graph.setJobType(random.nextBoolean() ? JobType.BATCH : JobType.STREAMING);
        graph.getJobConfiguration().setString("parallelism.default", String.valueOf(random.nextInt(10)));
        graph.getJobConfiguration().setInteger("random.int", random.nextInt());
        for (int i = random.nextInt(3); i > 0; i--) {
            graph.addJar("/tmp/job-" + random.nextInt(1000) + ".jar");
            graph.addUserJarBlobKey("blob-" + random.nextInt(1000));
        }
        List<URL> classpaths = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            classpaths.add(URI.create("file:/shared/lib-" + i + ".jar").toURL());
        }
        graph.setClasspaths(classpaths);
        if (random.nextBoolean()) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath("hdfs:///sp/" + random.nextInt(), random.nextBoolean()));
        }

        int numVertices = 1 + random.nextInt(12);
        List<JobVertex> vertices = new ArrayList<>();
        List<SlotSharingGroup> groups = List.of(new SlotSharingGroup(), new SlotSharingGroup());
        for (int i = 0; i < numVertices; i++) {
            JobVertex vertex = task("V" + i);
            vertex.setParallelism(1 + random.nextInt(8));
            if (random.nextBoolean()) {
                vertex.setMaxParallelism(8 + random.nextInt(100));
            }
            vertex.getConfiguration().setString("key." + i, "value-" + random.nextLong());
            if (random.nextBoolean()) {
                byte[] payload = new byte[random.nextInt(300)];
                random.nextBytes(payload);
                vertex.setUserPayload("payload", payload);
                vertex.setUserObject("object", new ArrayList<>(List.of(i, "x")));
            }
            int group = random.nextInt(3);
            if (group < 2) {
                vertex.setSlotSharingGroup(groups.get(group));
            }
            // Inputs only from earlier vertices keep the graph acyclic.
            for (int e = random.nextInt(Math.min(i, 3) + 1); e > 0 && i > 0; e--) {
                JobVertex producer = vertices.get(random.nextInt(i));
                DistributionPattern pattern = random.nextBoolean() ? DistributionPattern.ALL_TO_ALL : DistributionPattern.POINTWISE;
                ResultPartitionType type = ResultPartitionType.values()[random.nextInt(ResultPartitionType.values().length)];
                if (random.nextInt(4) == 0 && !producer.getProducedDataSets().isEmpty()) {
                    // Share an existing data set of the producer with another consumer.
                    vertex.connectDataSetAsInput(producer.getProducedDataSets().get(0), pattern)
                            .setShipStrategyName(random.nextBoolean() ? "FORWARD" : null);
                } else {
                    vertex.connectNewDataSetAsInput(producer, pattern, type).setShipStrategyName("HASH");
                }
            }
            vertices.add(vertex);
        }
        if (numVertices >= 2 && vertices.get(0).getSlotSharingGroup() != null) {
            JobVertex other = vertices.get(1);
            other.setSlotSharingGroup(vertices.get(0).getSlotSharingGroup());
            vertices.get(0).setStrictlyCoLocatedWith(other);
        }
        // Add in a shuffled order, so that insertion order differs from creation order.
        List<JobVertex> shuffled = new ArrayList<>(vertices);
        java.util.Collections.shuffle(shuffled, random);
        shuffled.forEach(graph::addVertex);
        return graph;
    }

    /** Every field of the graph, as text, with vertices in insertion order. */
    static String canonicalForm(JobGraph graph) {
        StringBuilder text = new StringBuilder();
        text.append(graph.getJobID()).append('|').append(graph.getName()).append('|').append(graph.getJobType())
                .append('|').append(new java.util.TreeMap<>(graph.getJobConfiguration().toMap()))
                .append('|').append(graph.getUserJars()).append('|').append(graph.getUserJarBlobKeys())
                .append('|').append(graph.getClasspaths()).append('|').append(graph.getSavepointRestoreSettings())
                .append('\n');
        for (SlotSharingGroup group : graph.getSlotSharingGroups()) {
            text.append("ssg ").append(group.getSlotSharingGroupId()).append(group.getJobVertexIds()).append('\n');
        }
        for (CoLocationGroup group : graph.getCoLocationGroups()) {
            text.append("clg ").append(group.getId()).append(group.getVertexIds()).append('\n');
        }
        for (JobVertex vertex : graph.getVertices()) {
            text.append("vertex ").append(vertex.getID()).append(' ').append(vertex.getName()).append(' ')
                    .append(vertex.getInvokableClassName()).append(' ').append(vertex.getParallelism()).append(' ')
                    .append(vertex.getMaxParallelism()).append(' ')
                    .append(new java.util.TreeMap<>(vertex.getConfiguration().toMap())).append(' ')
                    .append(vertex.getSlotSharingGroup() == null ? null : vertex.getSlotSharingGroup().getSlotSharingGroupId())
                    .append(' ')
                    .append(vertex.getCoLocationGroup() == null ? null : vertex.getCoLocationGroup().getId())
                    .append('\n');
            for (String key : vertex.getUserPayloadKeys()) {
                text.append("  payload ").append(key).append('=')
                        .append(java.util.HexFormat.of().formatHex(vertex.getUserPayload(key).orElseThrow())).append('\n');
            }
            for (IntermediateDataSet dataSet : vertex.getProducedDataSets()) {
                text.append("  produces ").append(dataSet.getId()).append(' ').append(dataSet.getResultType());
                for (JobEdge consumer : dataSet.getConsumers()) {
                    text.append(" -> ").append(consumer.getTarget().getID());
                }
                text.append('\n');
            }
            for (JobEdge input : vertex.getInputs()) {
                text.append("  reads ").append(input.getSourceId()).append(" of ")
                        .append(input.getSource().getProducer().getID()).append(' ')
                        .append(input.getDistributionPattern()).append(' ').append(input.getShipStrategyName())
                        .append('\n');
            }
        }
        return text.toString();
    }
}

package io.freshet.runtime.jobgraph;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.DataOutputView;
import io.freshet.runtime.instance.SlotSharingGroupId;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobmanager.scheduler.CoLocationGroup;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.util.AbstractID;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes a {@link JobGraph} as bytes and reads it back: how a graph travels from the client to the Dispatcher and
 * into the HA job-graph store.
 *
 * <h2>Format</h2>
 *
 * <pre>
 *   int  magic number 0x46524A47 ("FRJG")
 *   int  format version (see {@link #CURRENT_VERSION})
 *   int  body length in bytes
 *   ...  body
 *   int  CRC-32 of the body
 * </pre>
 *
 * The body of version 1 holds, in this order: job ID, name, job type, job configuration, user jar paths, user jar
 * blob keys, classpaths, savepoint settings, slot sharing groups, co-location groups, vertices (each with ID,
 * name, invokable class name, parallelism, max parallelism, configuration, user payloads, group indexes and
 * produced data sets), then the input edges of each vertex (producer vertex index, data set index, distribution
 * pattern, ship strategy name), then the consumer order of each data set. Integers are big-endian; strings are a
 * length and UTF-8 bytes (length -1 for null); enums are written as fixed codes, never ordinals.
 *
 * <p>Configurations are written as their text form ({@link Configuration#toMap()}): read back, each value is text
 * that typed options convert on access, so a read-back configuration {@linkplain Configuration#equals equals} the
 * original. User payloads are written byte for byte.
 *
 * <p>A reader accepts only the versions in {@link #READABLE_VERSIONS}; adding a version means keeping the reader
 * of the previous ones. Truncated, corrupted or foreign bytes are rejected with an {@link IOException} that says
 * which of these it is.
 */
public final class JobGraphSerializer {

    /** The first four bytes of every serialized job graph: "FRJG". */
    public static final int MAGIC_NUMBER = 0x46524A47;

    /** The version written by {@link #serialize}. */
    public static final int CURRENT_VERSION = 1;

    /** The versions {@link #deserialize} can read. */
    public static final List<Integer> READABLE_VERSIONS = List.of(1);

    private static final int HEADER_BYTES = 12;
    private static final int TRAILER_BYTES = 4;

    private JobGraphSerializer() {}

    // ---- writing ----

    /**
     * Returns the bytes of {@code graph} in the {@linkplain #CURRENT_VERSION current format}.
     *
     * @throws InvalidJobGraphException if the graph does not {@linkplain JobGraph#validate() validate}: only a
     *     valid graph can be written, since edges are written as references between vertices of the graph
     */
    public static byte[] serialize(JobGraph graph) throws IOException {
        graph.validate();
        DataOutputSerializer body = new DataOutputSerializer(1024);
        writeBody(graph, body);

        DataOutputSerializer out = new DataOutputSerializer(body.length() + HEADER_BYTES + TRAILER_BYTES);
        out.writeInt(MAGIC_NUMBER);
        out.writeInt(CURRENT_VERSION);
        out.writeInt(body.length());
        out.write(body.getSharedBuffer(), 0, body.length());
        CRC32 crc = new CRC32();
        crc.update(body.getSharedBuffer(), 0, body.length());
        out.writeInt((int) crc.getValue());
        return out.getCopyOfBuffer();
    }

    private static void writeBody(JobGraph graph, DataOutputView out) throws IOException {
        writeId(graph.getJobID(), out);
        writeString(graph.getName(), out);
        out.writeByte(jobTypeCode(graph.getJobType()));
        writeConfiguration(graph.getJobConfiguration(), out);
        writeStrings(graph.getUserJars(), out);
        writeStrings(graph.getUserJarBlobKeys(), out);
        List<String> classpaths = new ArrayList<>();
        for (URL url : graph.getClasspaths()) {
            classpaths.add(url.toExternalForm());
        }
        writeStrings(classpaths, out);
        SavepointRestoreSettings savepoint = graph.getSavepointRestoreSettings();
        out.writeBoolean(savepoint.restoreSavepoint());
        if (savepoint.restoreSavepoint()) {
            writeString(savepoint.getRestorePath(), out);
            out.writeBoolean(savepoint.allowNonRestoredState());
        }

        List<SlotSharingGroup> slotSharingGroups = new ArrayList<>(graph.getSlotSharingGroups());
        out.writeInt(slotSharingGroups.size());
        for (SlotSharingGroup group : slotSharingGroups) {
            writeId(group.getSlotSharingGroupId(), out);
            out.writeInt(group.getJobVertexIds().size());
            for (JobVertexID member : group.getJobVertexIds()) {
                writeId(member, out);
            }
        }
        List<CoLocationGroup> coLocationGroups = new ArrayList<>(graph.getCoLocationGroups());
        out.writeInt(coLocationGroups.size());
        for (CoLocationGroup group : coLocationGroups) {
            writeId(group.getId(), out);
            out.writeInt(group.getVertexIds().size());
            for (JobVertexID member : group.getVertexIds()) {
                writeId(member, out);
            }
        }

        JobVertex[] vertices = graph.getVerticesAsArray();
        Map<JobVertexID, Integer> vertexIndex = new HashMap<>();
        out.writeInt(vertices.length);
        for (int i = 0; i < vertices.length; i++) {
            JobVertex vertex = vertices[i];
            vertexIndex.put(vertex.getID(), i);
            writeId(vertex.getID(), out);
            writeString(vertex.getName(), out);
            writeString(vertex.getInvokableClassName(), out);
            out.writeInt(vertex.getParallelism());
            out.writeInt(vertex.getMaxParallelism());
            writeConfiguration(vertex.getConfiguration(), out);
            out.writeInt(vertex.getUserPayloadKeys().size());
            for (String key : vertex.getUserPayloadKeys()) {
                writeString(key, out);
                writeBytes(vertex.getUserPayload(key).orElseThrow(), out);
            }
            out.writeInt(vertex.getSlotSharingGroup() == null ? -1 : slotSharingGroups.indexOf(vertex.getSlotSharingGroup()));
            out.writeInt(vertex.getCoLocationGroup() == null ? -1 : coLocationGroups.indexOf(vertex.getCoLocationGroup()));
            out.writeInt(vertex.getProducedDataSets().size());
            for (IntermediateDataSet dataSet : vertex.getProducedDataSets()) {
                writeId(dataSet.getId(), out);
                out.writeByte(partitionTypeCode(dataSet.getResultType()));
            }
        }

        for (JobVertex vertex : vertices) {
            out.writeInt(vertex.getInputs().size());
            for (JobEdge edge : vertex.getInputs()) {
                JobVertex producer = edge.getSource().getProducer();
                out.writeInt(vertexIndex.get(producer.getID()));
                out.writeInt(producer.getProducedDataSets().indexOf(edge.getSource()));
                out.writeByte(distributionPatternCode(edge.getDistributionPattern()));
                writeString(edge.getShipStrategyName(), out);
            }
        }

        for (JobVertex vertex : vertices) {
            for (IntermediateDataSet dataSet : vertex.getProducedDataSets()) {
                out.writeInt(dataSet.getConsumers().size());
                for (JobEdge consumer : dataSet.getConsumers()) {
                    JobVertex target = consumer.getTarget();
                    out.writeInt(vertexIndex.get(target.getID()));
                    out.writeInt(target.getInputs().indexOf(consumer));
                }
            }
        }
    }

    // ---- reading ----

    /**
     * Reads a graph written by {@link #serialize} (of a readable version). The graph is not validated again.
     *
     * @throws IOException if the bytes are not a serialized job graph, are of a version this reader does not know,
     *     are truncated or are corrupted; the message says which
     */
    public static JobGraph deserialize(byte[] bytes) throws IOException {
        if (bytes.length < HEADER_BYTES) {
            throw new IOException("Cannot read the job graph: it is truncated (" + bytes.length
                    + " bytes; a serialized job graph has at least " + (HEADER_BYTES + TRAILER_BYTES) + ").");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int magic = in.readInt();
        if (magic != MAGIC_NUMBER) {
            throw new IOException(String.format(
                    "Cannot read the job graph: the bytes are not a serialized Freshet job graph (they start with"
                            + " 0x%08X, a job graph starts with 0x%08X).",
                    magic, MAGIC_NUMBER));
        }
        int version = in.readInt();
        if (!READABLE_VERSIONS.contains(version)) {
            throw new IOException("Cannot read the job graph: it has format version " + version
                    + ", this Freshet reads versions " + READABLE_VERSIONS + ". It was probably written by a"
                    + " newer Freshet client: submit it with a client of the cluster's version.");
        }
        int bodyLength = in.readInt();
        int expectedTotal = HEADER_BYTES + bodyLength + TRAILER_BYTES;
        if (bodyLength < 0 || bytes.length < expectedTotal) {
            throw new IOException("Cannot read the job graph: it is truncated (" + bytes.length + " bytes, its header"
                    + " announces " + expectedTotal + "). Was the transfer or the stored file cut short?");
        }
        if (bytes.length > expectedTotal) {
            throw new IOException("Cannot read the job graph: " + (bytes.length - expectedTotal)
                    + " unexpected bytes follow its end (" + expectedTotal + " bytes). The data is corrupted.");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, bodyLength);
        DataInputDeserializer trailer = new DataInputDeserializer(bytes, HEADER_BYTES + bodyLength, TRAILER_BYTES);
        if (trailer.readInt() != (int) crc.getValue()) {
            throw new IOException("Cannot read the job graph: its checksum does not match its contents, the data is"
                    + " corrupted. Submit the job again.");
        }
        DataInputDeserializer body = new DataInputDeserializer(bytes, HEADER_BYTES, bodyLength);
        try {
            JobGraph graph = readBodyV1(body);
            if (body.available() != 0) {
                throw new IOException(body.available() + " bytes left over after the last field");
            }
            return graph;
        } catch (EOFException e) {
            throw new IOException("Cannot read the job graph: its data ends early although the checksum matches;"
                    + " it was written by a faulty writer.", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read the job graph: its data is inconsistent although the checksum"
                    + " matches (" + e.getMessage() + "); it was written by a faulty writer.", e);
        }
    }

    private static JobGraph readBodyV1(DataInputView in) throws IOException {
        long[] jobId = readIdParts(in);
        JobGraph graph = new JobGraph(new JobID(jobId[1], jobId[0]), readString(in));
        graph.setJobType(jobTypeFromCode(in.readByte()));
        graph.setJobConfiguration(readConfiguration(in));
        for (String jar : readStrings(in)) {
            graph.addJar(jar);
        }
        for (String blobKey : readStrings(in)) {
            graph.addUserJarBlobKey(blobKey);
        }
        List<URL> classpaths = new ArrayList<>();
        for (String url : readStrings(in)) {
            classpaths.add(URI.create(url).toURL());
        }
        graph.setClasspaths(classpaths);
        if (in.readBoolean()) {
            String path = readString(in);
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(path, in.readBoolean()));
        }

        List<SlotSharingGroup> slotSharingGroups = new ArrayList<>();
        int numSlotSharingGroups = readCount(in);
        for (int i = 0; i < numSlotSharingGroups; i++) {
            long[] id = readIdParts(in);
            SlotSharingGroup group = new SlotSharingGroup(new SlotSharingGroupId(id[1], id[0]));
            int members = readCount(in);
            for (int m = 0; m < members; m++) {
                group.addVertexToGroup(readVertexId(in));
            }
            slotSharingGroups.add(group);
        }
        List<CoLocationGroup> coLocationGroups = new ArrayList<>();
        int numCoLocationGroups = readCount(in);
        for (int i = 0; i < numCoLocationGroups; i++) {
            long[] id = readIdParts(in);
            CoLocationGroup group = new CoLocationGroup(new AbstractID(id[1], id[0]));
            int members = readCount(in);
            for (int m = 0; m < members; m++) {
                group.addVertex(readVertexId(in));
            }
            coLocationGroups.add(group);
        }

        int numVertices = readCount(in);
        List<JobVertex> vertices = new ArrayList<>(numVertices);
        for (int i = 0; i < numVertices; i++) {
            JobVertexID id = readVertexId(in);
            JobVertex vertex = new JobVertex(readString(in), id);
            vertex.setInvokableClassName(readString(in));
            vertex.setParallelism(in.readInt());
            vertex.setMaxParallelism(in.readInt());
            vertex.getConfiguration().addAll(readConfiguration(in));
            int numPayloads = readCount(in);
            for (int p = 0; p < numPayloads; p++) {
                vertex.setUserPayload(readString(in), readBytes(in));
            }
            int slotSharingIndex = in.readInt();
            if (slotSharingIndex >= 0) {
                vertex.setSlotSharingGroup(slotSharingGroups.get(slotSharingIndex));
            }
            int coLocationIndex = in.readInt();
            if (coLocationIndex >= 0) {
                vertex.setCoLocationGroup(coLocationGroups.get(coLocationIndex));
            }
            int numDataSets = readCount(in);
            for (int d = 0; d < numDataSets; d++) {
                long[] dataSetId = readIdParts(in);
                vertex.getOrCreateResultDataSet(
                        new IntermediateDataSetID(dataSetId[1], dataSetId[0]), partitionTypeFromCode(in.readByte()));
            }
            graph.addVertex(vertex);
            vertices.add(vertex);
        }

        for (JobVertex vertex : vertices) {
            int numInputs = readCount(in);
            for (int e = 0; e < numInputs; e++) {
                JobVertex producer = vertices.get(in.readInt());
                IntermediateDataSet dataSet = producer.getProducedDataSets().get(in.readInt());
                JobEdge edge = vertex.connectDataSetAsInput(dataSet, distributionPatternFromCode(in.readByte()));
                edge.setShipStrategyName(readString(in));
            }
        }

        for (JobVertex vertex : vertices) {
            for (IntermediateDataSet dataSet : vertex.getProducedDataSets()) {
                int numConsumers = readCount(in);
                List<JobEdge> ordered = new ArrayList<>(numConsumers);
                for (int c = 0; c < numConsumers; c++) {
                    JobVertex target = vertices.get(in.readInt());
                    ordered.add(target.getInputs().get(in.readInt()));
                }
                dataSet.reorderConsumers(ordered);
            }
        }
        return graph;
    }

    // ---- fields ----

    private static void writeId(AbstractID id, DataOutputView out) throws IOException {
        out.writeLong(id.getUpperPart());
        out.writeLong(id.getLowerPart());
    }

    /** Returns {upper, lower}. */
    private static long[] readIdParts(DataInputView in) throws IOException {
        return new long[] {in.readLong(), in.readLong()};
    }

    private static JobVertexID readVertexId(DataInputView in) throws IOException {
        long[] parts = readIdParts(in);
        return new JobVertexID(parts[1], parts[0]);
    }

    private static void writeString(String value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        writeBytes(value.getBytes(StandardCharsets.UTF_8), out);
    }

    private static String readString(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return new String(readBytes(in, length), StandardCharsets.UTF_8);
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        return readBytes(in, in.readInt());
    }

    private static byte[] readBytes(DataInputView in, int length) throws IOException {
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        if (in instanceof DataInputDeserializer && ((DataInputDeserializer) in).available() < length) {
            throw new EOFException("a field of " + length + " bytes exceeds the remaining data");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Reads a non-negative count. */
    private static int readCount(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative count " + count);
        }
        return count;
    }

    private static void writeStrings(List<String> values, DataOutputView out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(value, out);
        }
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
        int count = readCount(in);
        List<String> values = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static void writeConfiguration(Configuration configuration, DataOutputView out) throws IOException {
        Map<String, String> sorted = new TreeMap<>(configuration.toMap());
        out.writeInt(sorted.size());
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            writeString(entry.getKey(), out);
            writeString(entry.getValue(), out);
        }
    }

    private static Configuration readConfiguration(DataInputView in) throws IOException {
        Configuration configuration = new Configuration();
        int count = readCount(in);
        for (int i = 0; i < count; i++) {
            configuration.setString(readString(in), readString(in));
        }
        return configuration;
    }

    // ---- enum codes: fixed, so that reordering an enum never changes the format ----

    private static int jobTypeCode(JobType type) {
        return type == JobType.BATCH ? 0 : 1;
    }

    private static JobType jobTypeFromCode(byte code) throws IOException {
        switch (code) {
            case 0:
                return JobType.BATCH;
            case 1:
                return JobType.STREAMING;
            default:
                throw new IOException("unknown job type code " + code);
        }
    }

    private static int partitionTypeCode(ResultPartitionType type) {
        switch (type) {
            case BLOCKING:
                return 0;
            case PIPELINED:
                return 1;
            case PIPELINED_BOUNDED:
                return 2;
            default:
                throw new IllegalArgumentException("No format code for partition type " + type);
        }
    }

    private static ResultPartitionType partitionTypeFromCode(byte code) throws IOException {
        switch (code) {
            case 0:
                return ResultPartitionType.BLOCKING;
            case 1:
                return ResultPartitionType.PIPELINED;
            case 2:
                return ResultPartitionType.PIPELINED_BOUNDED;
            default:
                throw new IOException("unknown partition type code " + code);
        }
    }

    private static int distributionPatternCode(DistributionPattern pattern) {
        return pattern == DistributionPattern.ALL_TO_ALL ? 0 : 1;
    }

    private static DistributionPattern distributionPatternFromCode(byte code) throws IOException {
        switch (code) {
            case 0:
                return DistributionPattern.ALL_TO_ALL;
            case 1:
                return DistributionPattern.POINTWISE;
            default:
                throw new IOException("unknown distribution pattern code " + code);
        }
    }
}

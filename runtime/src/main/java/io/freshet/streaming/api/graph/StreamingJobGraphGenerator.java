package io.freshet.streaming.api.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.ExecutionOptions;
import io.freshet.configuration.PipelineOptions;
import io.freshet.runtime.io.network.api.writer.BroadcastPartitioner;
import io.freshet.runtime.io.network.api.writer.CustomPartitionerWrapper;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.GlobalPartitioner;
import io.freshet.runtime.io.network.api.writer.KeyGroupStreamPartitioner;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RescalePartitioner;
import io.freshet.runtime.io.network.api.writer.ShufflePartitioner;
import io.freshet.runtime.io.network.api.writer.StreamPartitioner;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobEdge;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobType;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.runtime.state.KeyGroupRangeAssignment;
import io.freshet.streaming.api.operators.ChainingStrategy;
import io.freshet.streaming.api.operators.StreamOperator;
import io.freshet.streaming.api.transformations.LegacySinkTransformation;
import io.freshet.streaming.api.transformations.LegacySourceTransformation;
import io.freshet.streaming.api.transformations.OneInputTransformation;
import io.freshet.streaming.api.transformations.PartitionTransformation;
import io.freshet.streaming.api.transformations.PartitionTransformation.Kind;
import io.freshet.streaming.api.transformations.SideOutputTransformation;
import io.freshet.streaming.api.transformations.SourceTransformation;
import io.freshet.streaming.api.operators.SourceOperator;
import io.freshet.api.connector.source.Boundedness;
import io.freshet.runtime.operators.coordination.OperatorCoordinator;
import io.freshet.runtime.source.coordinator.SourceCoordinatorProvider;
import io.freshet.streaming.api.transformations.TwoInputTransformation;
import io.freshet.streaming.api.transformations.UnionTransformation;
import io.freshet.streaming.runtime.tasks.ChainConfig;
import io.freshet.streaming.runtime.tasks.ChainConfig.NetworkOutputConfig;
import io.freshet.streaming.runtime.tasks.ChainConfig.OperatorConfig;
import io.freshet.streaming.runtime.tasks.StreamTask;
import io.freshet.util.OutputTag;

/**
 * Turns a {@link StreamGraph} into a JobGraph.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Operators are the sources, one-input operators and sinks; partitionings and unions are properties of the
 *       edges between them. An edge without an explicit partitioning is FORWARD when both ends have the same
 *       parallelism, else REBALANCE; an explicit FORWARD between different parallelisms is an error.</li>
 *   <li>Chaining: an operator runs in its predecessor's task (a method call, no serialization) when chaining is on,
 *       it has exactly one input, the edge is FORWARD, both have the same parallelism and slot sharing group, its
 *       chaining strategy is ALWAYS and the predecessor's is not NEVER.</li>
 *   <li>Each chain is one JobVertex running {@link StreamTask}, named by its operators
 *       ({@code Source: Collection Source -> Map -> Sink: Print to Std. Out}); streaming edges are
 *       PIPELINED_BOUNDED; FORWARD and RESCALE edges are POINTWISE, the others ALL_TO_ALL.</li>
 *   <li>BATCH mode ({@code execution.runtime-mode: BATCH}, or AUTOMATIC with only bounded sources): every edge is
 *       BLOCKING, so the job runs stage by stage, and every chain is told (its tasks sort keyed inputs by key before
 *       their operators read them); the resolved mode also goes into the job configuration.</li>
 *   <li>Keyed edges route by key group over the consumer's max parallelism (the operator's, else
 *       {@code pipeline.max-parallelism}, else derived from its parallelism); its keyed state uses the same.</li>
 *   <li>A chain whose head has a {@code uid} (or {@code setUidHash}) gets a JobVertexID derived from it, the same
 *       in every translation.</li>
 * </ul>
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class StreamingJobGraphGenerator {

    private final StreamGraph streamGraph;
    private final ExecutionConfig executionConfig;
    private final int defaultParallelism;
    private final int jobMaxParallelism;
    private final Map<Transformation<?>, Node> nodes = new IdentityHashMap<>();
    private final List<Node> order = new ArrayList<>();

    private StreamingJobGraphGenerator(StreamGraph streamGraph) {
        this.streamGraph = streamGraph;
        this.executionConfig = streamGraph.getExecutionConfig();
        this.defaultParallelism = Math.max(1, streamGraph.getConfiguration().get(CoreOptions.DEFAULT_PARALLELISM));
        this.jobMaxParallelism = streamGraph.getConfiguration().getOptional(PipelineOptions.MAX_PARALLELISM).orElse(-1);
    }

    public static JobGraph createJobGraph(StreamGraph streamGraph) {
        return new StreamingJobGraphGenerator(streamGraph).create();
    }

    // ---- the operator graph ----

    private static final class Node {
        final Transformation<?> transformation;
        final StreamOperator<?> operator;
        final int parallelism;
        final int maxParallelism;
        final List<Edge> inputs = new ArrayList<>();
        final List<Edge> outputs = new ArrayList<>();
        Chain chain;

        Node(Transformation<?> transformation, StreamOperator<?> operator, int parallelism, int maxParallelism) {
            this.transformation = transformation;
            this.operator = operator;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
        }

        String displayName() {
            if (transformation instanceof LegacySourceTransformation
                    || transformation instanceof SourceTransformation) {
                return "Source: " + transformation.getName();
            }
            if (transformation instanceof LegacySinkTransformation) {
                return "Sink: " + transformation.getName();
            }
            return transformation.getName();
        }

        String slotSharingGroup() {
            String group = transformation.getSlotSharingGroup();
            return group == null ? "default" : group;
        }
    }

    private static final class Edge {
        final Node source;
        final Node target;
        final Kind kind;
        final KeySelector<?, ?> keySelector;
        final Partitioner<?> partitioner;
        /** The side output the edge reads, or null for the main output. */
        final OutputTag<?> tag;
        /** Which input of a two-input target the edge feeds (1 or 2); 1 for one-input targets. */
        final int inputIndex;

        Edge(Node source, Node target, Kind kind, KeySelector<?, ?> keySelector, Partitioner<?> partitioner,
                OutputTag<?> tag, int inputIndex) {
            this.inputIndex = inputIndex;
            this.source = source;
            this.target = target;
            this.kind = kind;
            this.keySelector = keySelector;
            this.partitioner = partitioner;
            this.tag = tag;
        }

        String tagId() {
            return tag == null ? "" : tag.getId();
        }

        boolean chainable(boolean chainingEnabled) {
            return chainingEnabled && target.inputs.size() == 1 && kind == Kind.FORWARD
                    && source.parallelism == target.parallelism
                    && target.operator.getChainingStrategy() == ChainingStrategy.ALWAYS
                    && source.operator.getChainingStrategy() != ChainingStrategy.NEVER
                    && source.slotSharingGroup().equals(target.slotSharingGroup())
                    && !(source.transformation instanceof LegacySinkTransformation);
        }
    }

    /** An input of an operator before partitioning defaults are applied. */
    private static final class RawInput {
        final Node node;
        final PartitionTransformation<?> partition;
        final OutputTag<?> tag;
        int inputIndex = 1;

        RawInput(Node node, PartitionTransformation<?> partition, OutputTag<?> tag) {
            this.node = node;
            this.partition = partition;
            this.tag = tag;
        }
    }

    private Node node(Transformation<?> transformation) {
        Node existing = nodes.get(transformation);
        if (existing != null) {
            return existing;
        }
        StreamOperator<?> operator;
        List<Transformation<?>> inputs;
        if (transformation instanceof LegacySourceTransformation) {
            operator = ((LegacySourceTransformation<?>) transformation).getOperator();
            inputs = List.of();
        } else if (transformation instanceof SourceTransformation) {
            SourceTransformation<?> source = (SourceTransformation<?>) transformation;
            operator = new SourceOperator(source.getSource(), source.getWatermarkStrategy(),
                    source.getAutoWatermarkIntervalMillis());
            inputs = List.of();
        } else if (transformation instanceof OneInputTransformation) {
            operator = ((OneInputTransformation<?, ?>) transformation).getOperator();
            inputs = transformation.getInputs();
        } else if (transformation instanceof LegacySinkTransformation) {
            operator = ((LegacySinkTransformation<?>) transformation).getOperator();
            inputs = transformation.getInputs();
        } else if (transformation instanceof TwoInputTransformation) {
            operator = ((TwoInputTransformation<?, ?, ?>) transformation).getOperator();
            inputs = transformation.getInputs();
        } else {
            throw new UnsupportedOperationException("Cannot translate " + transformation + ": "
                    + transformation.getClass().getSimpleName() + " is not supported yet.");
        }
        List<RawInput> raw = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int before = raw.size();
            resolve(inputs.get(i), null, null, raw);
            for (int j = before; j < raw.size(); j++) {
                raw.get(j).inputIndex = i + 1;
            }
        }
        int parallelism = transformation.getParallelism() > 0 ? transformation.getParallelism() : defaultParallelism;
        int maxParallelism = transformation.getMaxParallelism() > 0 ? transformation.getMaxParallelism()
                : jobMaxParallelism > 0 ? jobMaxParallelism
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException("The parallelism " + parallelism + " of '" + transformation.getName()
                    + "' exceeds its max parallelism " + maxParallelism + "; raise the max parallelism"
                    + " (setMaxParallelism or 'pipeline.max-parallelism').");
        }
        Node node = new Node(transformation, operator, parallelism, maxParallelism);
        for (RawInput input : raw) {
            Kind kind = input.partition == null ? null : input.partition.getKind();
            if (kind == null) {
                kind = input.node.parallelism == parallelism ? Kind.FORWARD : Kind.REBALANCE;
            } else if (kind == Kind.FORWARD && input.node.parallelism != parallelism) {
                throw new UnsupportedOperationException("Forward partitioning does not allow change of parallelism."
                        + " Upstream operation: " + input.node.displayName() + " parallelism: "
                        + input.node.parallelism + ", downstream operation: " + node.displayName() + " parallelism: "
                        + parallelism + " You must use another partitioning strategy, such as broadcast, rebalance,"
                        + " shuffle or global.");
            }
            Edge edge = new Edge(input.node, node, kind,
                    input.partition == null ? null : input.partition.getKeySelector(),
                    input.partition == null ? null : input.partition.getPartitioner(), input.tag, input.inputIndex);
            node.inputs.add(edge);
            input.node.outputs.add(edge);
        }
        nodes.put(transformation, node);
        order.add(node);
        return node;
    }

    /** Follows partitionings and unions back to operators; the partitioning closest to the consumer wins. */
    private void resolve(Transformation<?> input, PartitionTransformation<?> partition, OutputTag<?> tag,
            List<RawInput> out) {
        if (input instanceof PartitionTransformation) {
            PartitionTransformation<?> own = (PartitionTransformation<?>) input;
            resolve(own.getInput(), partition != null ? partition : own, tag, out);
        } else if (input instanceof UnionTransformation) {
            for (Transformation<?> unionInput : ((UnionTransformation<?>) input).getUnionInputs()) {
                resolve(unionInput, partition, tag, out);
            }
        } else if (input instanceof SideOutputTransformation) {
            SideOutputTransformation<?> side = (SideOutputTransformation<?>) input;
            if (tag != null) {
                throw new UnsupportedOperationException("A side output of a side output cannot be read.");
            }
            resolve(side.getInput(), partition, side.getOutputTag(), out);
        } else {
            if (tag != null && (input instanceof PartitionTransformation || input instanceof UnionTransformation)) {
                throw new UnsupportedOperationException("getSideOutput needs the operator that emits it.");
            }
            out.add(new RawInput(node(input), partition, tag));
        }
    }

    // ---- chains ----

    private static final class Chain {
        final List<Node> members = new ArrayList<>();
        final List<Edge> networkOutputs = new ArrayList<>();
        final List<Integer> gateInputs = new ArrayList<>();
        JobVertex vertex;
        List<OperatorConfig> operatorConfigs;
        List<NetworkOutputConfig> networkOutputConfigs;
        TypeSerializer<?> inputSerializer;
        TypeSerializer<?> inputSerializer2;
    }

    private JobGraph create() {
        for (Transformation<?> transformation : streamGraph.getTransformations()) {
            node(transformation);
        }
        boolean batch = resolveBatchMode();
        boolean chaining = streamGraph.isChainingEnabled();
        List<Chain> chains = new ArrayList<>();
        // order holds every node after its inputs: a node is either chained into its input's chain or starts one
        for (Node node : order) {
            if (node.inputs.size() == 1 && node.inputs.get(0).chainable(chaining)) {
                node.chain = node.inputs.get(0).source.chain;
            } else {
                node.chain = new Chain();
                chains.add(node.chain);
            }
            node.chain.members.add(node);
        }
        JobGraph jobGraph = new JobGraph(null, streamGraph.getJobName());
        jobGraph.setJobType(batch ? JobType.BATCH : JobType.STREAMING);
        Map<String, SlotSharingGroup> slotSharingGroups = new LinkedHashMap<>();
        for (Chain chain : chains) {
            chain.vertex = vertexOf(chain, chaining, slotSharingGroups);
            jobGraph.addVertex(chain.vertex);
        }
        for (Chain chain : chains) {
            for (Edge edge : chain.networkOutputs) {
                DistributionPattern pattern = edge.kind == Kind.FORWARD || edge.kind == Kind.RESCALE
                        ? DistributionPattern.POINTWISE : DistributionPattern.ALL_TO_ALL;
                JobEdge jobEdge = edge.target.chain.vertex.connectNewDataSetAsInput(chain.vertex, pattern,
                        batch ? ResultPartitionType.BLOCKING : ResultPartitionType.PIPELINED_BOUNDED);
                jobEdge.setShipStrategyName(edge.kind.name());
                edge.target.chain.gateInputs.add(edge.inputIndex);
            }
        }
        long bufferTimeout = streamGraph.getBufferTimeout().toMillis();
        for (Chain chain : chains) {
            try {
                chain.vertex.setUserObject(ChainConfig.PAYLOAD_KEY, new ChainConfig(chain.operatorConfigs,
                        chain.networkOutputConfigs, chain.inputSerializer, chain.inputSerializer2, chain.gateInputs,
                        bufferTimeout, batch));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("The operators of '" + chain.vertex.getName() + "' cannot be"
                        + " serialized (" + e + "); every function and field they hold must be Serializable or"
                        + " transient.", e);
            }
        }
        jobGraph.getJobConfiguration().addAll(streamGraph.getConfiguration());
        // tasks read the resolved mode: AUTOMATIC is decided here, once
        jobGraph.getJobConfiguration().set(ExecutionOptions.RUNTIME_MODE,
                batch ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        return jobGraph;
    }

    /**
     * BATCH for {@code execution.runtime-mode: BATCH}, and for AUTOMATIC when every source is bounded; BATCH with an
     * unbounded source is refused, naming the source.
     */
    private boolean resolveBatchMode() {
        RuntimeExecutionMode mode = streamGraph.getRuntimeMode();
        if (mode == RuntimeExecutionMode.STREAMING) {
            return false;
        }
        for (Node node : order) {
            boolean unbounded = node.transformation instanceof LegacySourceTransformation
                    && !((LegacySourceTransformation<?>) node.transformation).isBounded()
                    || node.transformation instanceof SourceTransformation
                    && ((SourceTransformation<?>) node.transformation).getBoundedness() != Boundedness.BOUNDED;
            if (unbounded) {
                if (mode == RuntimeExecutionMode.BATCH) {
                    throw new IllegalStateException("Detected an UNBOUNDED source with the 'execution.runtime-mode'"
                            + " set to 'BATCH'. This combination is not allowed, please set the"
                            + " 'execution.runtime-mode' to STREAMING or AUTOMATIC. The unbounded source is '"
                            + node.displayName() + "' of job '" + streamGraph.getJobName() + "'.");
                }
                return false;
            }
        }
        return true;
    }

    private JobVertex vertexOf(Chain chain, boolean chaining, Map<String, SlotSharingGroup> slotSharingGroups) {
        Map<Node, Integer> indexes = new IdentityHashMap<>();
        for (int i = 0; i < chain.members.size(); i++) {
            indexes.put(chain.members.get(i), i);
        }
        List<OperatorConfig> operators = new ArrayList<>();
        List<NetworkOutputConfig> networkOutputs = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (Node member : chain.members) {
            List<Integer> chained = new ArrayList<>();
            List<String> chainedTags = new ArrayList<>();
            List<Integer> network = new ArrayList<>();
            List<String> networkTags = new ArrayList<>();
            for (Edge edge : member.outputs) {
                if (edge.target.chain == chain && edge.chainable(chaining)) {
                    chained.add(indexes.get(edge.target));
                    chainedTags.add(edge.tagId());
                } else {
                    network.add(networkOutputs.size());
                    networkTags.add(edge.tagId());
                    chain.networkOutputs.add(edge);
                    networkOutputs.add(new NetworkOutputConfig(partitionerOf(edge), serializerOf(edge)));
                }
            }
            KeySelector<?, ?> stateKey = null;
            KeySelector<?, ?> stateKey2 = null;
            TypeSerializer<?> keySerializer = null;
            if (member.transformation instanceof OneInputTransformation) {
                OneInputTransformation<?, ?> oneInput = (OneInputTransformation<?, ?>) member.transformation;
                if (oneInput.getStateKeySelector() != null) {
                    stateKey = oneInput.getStateKeySelector();
                    keySerializer = oneInput.getStateKeyType().createSerializer(executionConfig);
                }
            } else if (member.transformation instanceof TwoInputTransformation) {
                TwoInputTransformation<?, ?, ?> twoInput = (TwoInputTransformation<?, ?, ?>) member.transformation;
                if (twoInput.getStateKeySelector1() != null) {
                    stateKey = twoInput.getStateKeySelector1();
                    stateKey2 = twoInput.getStateKeySelector2();
                    keySerializer = twoInput.getStateKeyType().createSerializer(executionConfig);
                }
            }
            operators.add(new OperatorConfig(member.displayName(), member.operator, chained, chainedTags, network,
                    networkTags, stateKey, stateKey2, keySerializer, member.maxParallelism)
                    .withOperatorId(operatorIdOf(member)));
            name.append(name.length() == 0 ? "" : " -> ").append(member.displayName());
        }
        Node head = chain.members.get(0);
        for (Edge input : head.inputs) {
            if (input.inputIndex == 2) {
                chain.inputSerializer2 = chain.inputSerializer2 != null ? chain.inputSerializer2 : serializerOf(input);
            } else {
                chain.inputSerializer = chain.inputSerializer != null ? chain.inputSerializer : serializerOf(input);
            }
        }
        chain.operatorConfigs = operators;
        chain.networkOutputConfigs = networkOutputs;
        JobVertex vertex = new JobVertex(name.toString(), vertexIdOf(head));
        vertex.setInvokableClassName(StreamTask.class.getName());
        List<String> operatorIds = new ArrayList<>();
        for (OperatorConfig operator : operators) {
            operatorIds.add(operator.getOperatorId());
        }
        io.freshet.runtime.checkpoint.OperatorIds.set(vertex, operatorIds);
        if (head.transformation instanceof SourceTransformation) {
            try {
                vertex.setUserObject(OperatorCoordinator.JOB_VERTEX_PAYLOAD_KEY, new SourceCoordinatorProvider(
                        head.displayName(), ((SourceTransformation<?>) head.transformation).getSource()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("The source of '" + head.displayName() + "' cannot be serialized ("
                        + e + "); a Source and everything it holds must be Serializable.", e);
            }
        }
        vertex.setParallelism(head.parallelism);
        vertex.setMaxParallelism(head.maxParallelism);
        vertex.setSlotSharingGroup(slotSharingGroups.computeIfAbsent(head.slotSharingGroup(),
                group -> new SlotSharingGroup()));
        return vertex;
    }

    /** The serializer of what flows on {@code edge}: the producer's output, or the side output's type. */
    private TypeSerializer<?> serializerOf(Edge edge) {
        TypeInformation<?> type = edge.tag != null ? edge.tag.getTypeInfo() : edge.source.transformation.getOutputType();
        return type.createSerializer(executionConfig);
    }

    private static StreamPartitioner<?> partitionerOf(Edge edge) {
        switch (edge.kind) {
            case FORWARD:
                return new ForwardPartitioner<>();
            case REBALANCE:
                return new RebalancePartitioner<>();
            case RESCALE:
                return new RescalePartitioner<>();
            case SHUFFLE:
                return new ShufflePartitioner<>();
            case BROADCAST:
                return new BroadcastPartitioner<>();
            case GLOBAL:
                return new GlobalPartitioner<>();
            case HASH:
                return new KeyGroupStreamPartitioner<>((KeySelector) edge.keySelector, edge.target.maxParallelism);
            case CUSTOM:
                return new CustomPartitionerWrapper<>((Partitioner) edge.partitioner, (KeySelector) edge.keySelector);
            default:
                throw new IllegalStateException("unknown partitioning " + edge.kind);
        }
    }

    /**
     * The id an operator's state is stored under in checkpoints and savepoints: from its uid hash or uid, else from its
     * position in the program (stable while the program does not change; set uids to change programs between a
     * savepoint and its restore).
     */
    private static String operatorIdOf(Node member) {
        Transformation<?> transformation = member.transformation;
        if (transformation.getUserProvidedNodeHash() != null) {
            return transformation.getUserProvidedNodeHash().toLowerCase();
        }
        if (transformation.getUid() != null) {
            return hashOf(transformation.getUid()).toString();
        }
        return "transformation-" + transformation.getId();
    }

    private static JobVertexID hashOf(String uid) {
        try {
            return new JobVertexID(MessageDigest.getInstance("MD5").digest(uid.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    /** From the head's uid hash or uid, else a fresh id. */
    private static JobVertexID vertexIdOf(Node head) {
        Transformation<?> transformation = head.transformation;
        if (transformation.getUserProvidedNodeHash() != null) {
            return JobVertexID.fromHexString(transformation.getUserProvidedNodeHash().toLowerCase());
        }
        if (transformation.getUid() != null) {
            try {
                byte[] digest = MessageDigest.getInstance("MD5")
                        .digest(transformation.getUid().getBytes(StandardCharsets.UTF_8));
                return new JobVertexID(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no MD5", e);
            }
        }
        return new JobVertexID();
    }
}

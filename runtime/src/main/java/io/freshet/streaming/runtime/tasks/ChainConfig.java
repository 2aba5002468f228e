package io.freshet.streaming.runtime.tasks;

import java.io.Serializable;
import java.util.List;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.runtime.io.network.api.writer.StreamPartitioner;
import io.freshet.streaming.api.operators.StreamOperator;

/**
 * What a {@link StreamTask} runs: the operators of its chain (head first, each before the operators it feeds) and
 * where each operator's output goes: to operators of the chain (method calls) and to the task's produced partitions
 * (in the order of the vertex's produced data sets). Shipped Java-serialized as a user payload of the JobVertex,
 * because it holds user functions.
 */
public final class ChainConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The user payload key of the chain. */
    public static final String PAYLOAD_KEY = "freshet.streaming.chain";

    private final List<OperatorConfig> operators;
    private final List<NetworkOutputConfig> networkOutputs;
    private final TypeSerializer<?> inputSerializer;
    private final TypeSerializer<?> inputSerializer2;
    private final List<Integer> gateInputs;
    private final long bufferTimeoutMillis;
    private final boolean batchExecution;

    /**
     * @param inputSerializer the serializer of the head's (first) input records, or null for a source chain
     * @param inputSerializer2 the serializer of a two-input head's second input, else null
     * @param gateInputs per input gate of the task, in order, which input of the head it feeds (1 or 2)
     * @param bufferTimeoutMillis how long records may wait in a partly filled buffer (0: flush every record)
     */
    public ChainConfig(List<OperatorConfig> operators, List<NetworkOutputConfig> networkOutputs,
            TypeSerializer<?> inputSerializer, TypeSerializer<?> inputSerializer2, List<Integer> gateInputs,
            long bufferTimeoutMillis) {
        this(operators, networkOutputs, inputSerializer, inputSerializer2, gateInputs, bufferTimeoutMillis, false);
    }

    /** @param batchExecution whether the job runs in BATCH mode (as resolved by the translator) */
    public ChainConfig(List<OperatorConfig> operators, List<NetworkOutputConfig> networkOutputs,
            TypeSerializer<?> inputSerializer, TypeSerializer<?> inputSerializer2, List<Integer> gateInputs,
            long bufferTimeoutMillis, boolean batchExecution) {
        this.batchExecution = batchExecution;
        this.operators = List.copyOf(operators);
        this.networkOutputs = List.copyOf(networkOutputs);
        this.inputSerializer = inputSerializer;
        this.inputSerializer2 = inputSerializer2;
        this.gateInputs = List.copyOf(gateInputs);
        this.bufferTimeoutMillis = bufferTimeoutMillis;
    }

    public TypeSerializer<?> getInputSerializer2() {
        return inputSerializer2;
    }

    public List<Integer> getGateInputs() {
        return gateInputs;
    }

    public List<OperatorConfig> getOperators() {
        return operators;
    }

    public List<NetworkOutputConfig> getNetworkOutputs() {
        return networkOutputs;
    }

    public TypeSerializer<?> getInputSerializer() {
        return inputSerializer;
    }

    /** Whether the job runs in BATCH mode: decided once by the translator (AUTOMATIC resolved). */
    public boolean isBatchExecution() {
        return batchExecution;
    }

    public long getBufferTimeoutMillis() {
        return bufferTimeoutMillis;
    }

    /** One operator of the chain. */
    public static final class OperatorConfig implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final StreamOperator<?> operator;
        private final List<Integer> chainedOutputs;
        private final List<String> chainedOutputTags;
        private final List<Integer> networkOutputs;
        private final List<String> networkOutputTags;
        private final KeySelector<?, ?> stateKeySelector;
        private final KeySelector<?, ?> stateKeySelector2;
        private final TypeSerializer<?> keySerializer;
        private final int maxParallelism;

        /**
         * @param chainedOutputs indexes (in the chain) of the operators this one feeds
         * @param chainedOutputTags per chained output, the side output id it reads ("" for the main output)
         * @param networkOutputs indexes of the task's network outputs this one feeds
         * @param networkOutputTags per network output, the side output id it carries ("" for the main output)
         * @param stateKeySelector the key of a keyed operator, or null
         */
        public OperatorConfig(String name, StreamOperator<?> operator, List<Integer> chainedOutputs,
                List<String> chainedOutputTags, List<Integer> networkOutputs, List<String> networkOutputTags,
                KeySelector<?, ?> stateKeySelector, KeySelector<?, ?> stateKeySelector2,
                TypeSerializer<?> keySerializer, int maxParallelism) {
            this.stateKeySelector2 = stateKeySelector2;
            this.name = name;
            this.operator = operator;
            this.chainedOutputs = List.copyOf(chainedOutputs);
            this.chainedOutputTags = List.copyOf(chainedOutputTags);
            this.networkOutputs = List.copyOf(networkOutputs);
            this.networkOutputTags = List.copyOf(networkOutputTags);
            this.stateKeySelector = stateKeySelector;
            this.keySerializer = keySerializer;
            this.maxParallelism = maxParallelism;
        }

        private String operatorId;

        /** Sets the id the operator's state is stored under in checkpoints (from its uid when it has one). */
        public OperatorConfig withOperatorId(String operatorId) {
            this.operatorId = operatorId;
            return this;
        }

        /** The id of the operator's state in checkpoints; null if the translator gave none. */
        public String getOperatorId() {
            return operatorId;
        }

        public String getName() {
            return name;
        }

        public StreamOperator<?> getOperator() {
            return operator;
        }

        public List<Integer> getChainedOutputs() {
            return chainedOutputs;
        }

        public List<Integer> getNetworkOutputs() {
            return networkOutputs;
        }

        public List<String> getChainedOutputTags() {
            return chainedOutputTags;
        }

        public List<String> getNetworkOutputTags() {
            return networkOutputTags;
        }

        public KeySelector<?, ?> getStateKeySelector() {
            return stateKeySelector;
        }

        /** The key of a keyed two-input operator's second input, or null. */
        public KeySelector<?, ?> getStateKeySelector2() {
            return stateKeySelector2;
        }

        public TypeSerializer<?> getKeySerializer() {
            return keySerializer;
        }

        public int getMaxParallelism() {
            return maxParallelism;
        }
    }

    /** One produced partition: how records are routed and serialized. */
    public static final class NetworkOutputConfig implements Serializable {
        private static final long serialVersionUID = 1L;

        private final StreamPartitioner<?> partitioner;
        private final TypeSerializer<?> serializer;

        public NetworkOutputConfig(StreamPartitioner<?> partitioner, TypeSerializer<?> serializer) {
            this.partitioner = partitioner;
            this.serializer = serializer;
        }

        public StreamPartitioner<?> getPartitioner() {
            return partitioner;
        }

        public TypeSerializer<?> getSerializer() {
            return serializer;
        }
    }
}

package io.freshet.streaming.api.datastream;

import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.operators.ChainingStrategy;
import io.freshet.streaming.api.transformations.LegacySourceTransformation;
import io.freshet.streaming.api.transformations.OneInputTransformation;

/** The stream an operator produces, with the operator's settings: name, uid, parallelism, chaining, type hints. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    protected SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public String getName() {
        return transformation.getName();
    }

    public SingleOutputStreamOperator<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setUidHash(String uidHash) {
        transformation.setUidHash(uidHash);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** Neither chains to the previous operator nor lets the next one chain to it. */
    public SingleOutputStreamOperator<T> disableChaining() {
        return setChainingStrategy(ChainingStrategy.NEVER);
    }

    /** Starts a new chain here: does not chain to the previous operator. */
    public SingleOutputStreamOperator<T> startNewChain() {
        return setChainingStrategy(ChainingStrategy.HEAD);
    }

    private SingleOutputStreamOperator<T> setChainingStrategy(ChainingStrategy strategy) {
        if (transformation instanceof OneInputTransformation) {
            ((OneInputTransformation<?, T>) transformation).getOperator().setChainingStrategy(strategy);
        } else if (transformation instanceof LegacySourceTransformation) {
            ((LegacySourceTransformation<T>) transformation).getOperator().setChainingStrategy(strategy);
        }
        return this;
    }

    /** The records this operator emitted to the side output {@code sideOutputTag}. */
    public <X> DataStream<X> getSideOutput(io.freshet.util.OutputTag<X> sideOutputTag) {
        java.util.Objects.requireNonNull(sideOutputTag, "sideOutputTag");
        return new DataStream<>(environment, new io.freshet.streaming.api.transformations.SideOutputTransformation<>(
                transformation, sideOutputTag));
    }

    // ---- type hints ----

    /** The output type, for functions whose type the JVM erased (lambdas with generic results). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(TypeInformation.of(typeHint));
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeExtractor.getForClass(typeClass));
    }
}

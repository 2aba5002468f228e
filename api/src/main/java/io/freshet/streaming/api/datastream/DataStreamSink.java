package io.freshet.streaming.api.datastream;

import io.freshet.streaming.api.operators.ChainingStrategy;
import io.freshet.streaming.api.transformations.LegacySinkTransformation;

/** A sink's handle: its name, uid and parallelism. */
public class DataStreamSink<T> {

    private final LegacySinkTransformation<T> transformation;

    public DataStreamSink(LegacySinkTransformation<T> transformation) {
        this.transformation = transformation;
    }

    public LegacySinkTransformation<T> getTransformation() {
        return transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setUidHash(String uidHash) {
        transformation.setUidHash(uidHash);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public DataStreamSink<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.getOperator().setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }
}

package io.freshet.api.dag;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;

/**
 * One node of a program's logical graph: what it computes (its subclass), its inputs, and how it runs (name, uid,
 * parallelism, max parallelism, slot sharing group, output type). Ids are unique within the JVM and increase in
 * creation order, so a graph's translation is deterministic.
 */
public abstract class Transformation<T> {

    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    protected final int id;
    protected String name;
    protected String uid;
    protected String userProvidedNodeHash;
    protected TypeInformation<T> outputType;
    protected boolean typeUsed;
    private int parallelism;
    private boolean parallelismConfigured;
    private int maxParallelism = -1;
    private String slotSharingGroup;
    private String description;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.id = ID_COUNTER.incrementAndGet();
        this.name = Objects.requireNonNull(name, "name");
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != -1) {
            throw new IllegalArgumentException("The parallelism of '" + name + "' must be at least 1 (or -1 for the"
                    + " default), not " + parallelism + ".");
        }
        this.parallelism = parallelism;
        this.parallelismConfigured = true;
    }

    /** Whether the user set the parallelism (rather than inheriting the environment's). */
    public boolean isParallelismConfigured() {
        return parallelismConfigured;
    }

    /** The max parallelism (number of key groups), or -1 to take the job's. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("The max parallelism of '" + name + "' must lie in 1.." + (1 << 15)
                    + ", not " + maxParallelism + ".");
        }
        this.maxParallelism = maxParallelism;
    }

    public String getUid() {
        return uid;
    }

    /** The operator's stable id across job versions (savepoints map state by it). */
    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getUserProvidedNodeHash() {
        return userProvidedNodeHash;
    }

    /** Sets the operator id hash directly (32 hex digits), to match a savepoint of a job without uids. */
    public void setUidHash(String uidHash) {
        if (!uidHash.matches("[0-9A-Fa-f]{32}")) {
            throw new IllegalArgumentException("The uid hash of '" + name + "' must be 32 hexadecimal digits (as"
                    + " shown for the operator in the savepoint or the Web UI), not '" + uidHash + "'.");
        }
        this.userProvidedNodeHash = uidHash;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    /**
     * The output type; throws the extraction error if it could not be determined and nothing fixed it with
     * {@code returns(...)}.
     */
    public TypeInformation<T> getOutputType() {
        if (outputType instanceof MissingTypeInfo) {
            MissingTypeInfo missing = (MissingTypeInfo) outputType;
            throw new InvalidTypesException("The return type of function '" + missing.getFunctionName()
                    + "' could not be determined automatically, due to type erasure. You can give type information"
                    + " hints by using the returns(...) method on the result of the transformation call, or by letting"
                    + " your function implement the 'ResultTypeQueryable' interface.", missing.getTypeException());
        }
        typeUsed = true;
        return outputType;
    }

    /** Replaces the output type; only until something used it. */
    public void setOutputType(TypeInformation<T> outputType) {
        if (typeUsed) {
            throw new IllegalStateException("The output type of '" + name + "' was already used by a following"
                    + " operation; call returns(...) right after the operation that produces the type.");
        }
        this.outputType = outputType;
    }

    /** The transformations this one reads from. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
    }
}

package io.freshet.streaming.api.functions.source;

import java.io.IOException;
import java.util.Collection;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/**
 * Emits a fixed list of elements, in order, then ends. The elements are kept serialized with their type's
 * serializer, so they need not be Java-serializable.
 */
@Deprecated
public class FromElementsFunction<T> implements SourceFunction<T>,
        io.freshet.streaming.api.checkpoint.CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;
    private volatile boolean running = true;

    public FromElementsFunction(TypeSerializer<T> serializer, Collection<T> elements) {
        this.serializer = serializer;
        DataOutputSerializer out = new DataOutputSerializer(256);
        int n = 0;
        try {
            for (T element : elements) {
                serializer.serialize(element, out);
                n++;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Element " + n + " of the collection cannot be serialized with "
                    + serializer + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Element " + n + " of the collection does not fit its type (" + e
                    + "); give the type with fromCollection(collection, typeInfo).", e);
        }
        this.elements = out.getCopyOfBuffer();
        this.count = n;
    }

    @Override
    public void run(SourceContext<T> ctx) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(elements);
        for (long i = 0; i < emitted.count; i++) {
            serializer.deserialize(in); // emitted before the checkpoint this run restores
        }
        Object lock = ctx.getCheckpointLock();
        while (emitted.count < count && running) {
            synchronized (lock) {
                long end = Math.min(count, emitted.count + 1024);
                for (long i = emitted.count; i < end; i++) {
                    ctx.collect(serializer.deserialize(in));
                }
                emitted.count = end;
            }
        }
    }

    // ---- checkpoints ----

    private final EmittedRecords emitted = new EmittedRecords();

    @Override
    public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
        emitted.initialize(context);
    }

    @Override
    public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
        emitted.snapshot();
    }


    @Override
    public void cancel() {
        running = false;
    }

    public int getNumElements() {
        return count;
    }
}

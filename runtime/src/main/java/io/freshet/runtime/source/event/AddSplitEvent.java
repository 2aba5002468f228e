package io.freshet.runtime.source.event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.freshet.api.connector.source.SourceSplit;
import io.freshet.core.io.SimpleVersionedSerializer;
import io.freshet.runtime.operators.coordination.OperatorEvent;

/** Splits for a reader, serialized by the source's split serializer (so the event itself needs no user classes). */
public final class AddSplitEvent<SplitT extends SourceSplit> implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private final int serializerVersion;
    private final ArrayList<byte[]> splits;

    public AddSplitEvent(List<SplitT> splits, SimpleVersionedSerializer<SplitT> serializer) throws IOException {
        this.serializerVersion = serializer.getVersion();
        this.splits = new ArrayList<>(splits.size());
        for (SplitT split : splits) {
            this.splits.add(serializer.serialize(split));
        }
    }

    public List<SplitT> splits(SimpleVersionedSerializer<SplitT> serializer) throws IOException {
        List<SplitT> result = new ArrayList<>(splits.size());
        for (byte[] split : splits) {
            result.add(serializer.deserialize(serializerVersion, split));
        }
        return result;
    }

    @Override
    public String toString() {
        return "AddSplitEvent(" + splits.size() + " splits)";
    }
}

package io.freshet.api.connector.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Splits for readers: subtask index to the splits it gets. */
public final class SplitsAssignment<SplitT extends SourceSplit> {

    private final Map<Integer, List<SplitT>> assignment;

    public SplitsAssignment(Map<Integer, List<SplitT>> assignment) {
        this.assignment = assignment;
    }

    public SplitsAssignment(SplitT split, int subtask) {
        this.assignment = new HashMap<>();
        this.assignment.put(subtask, List.of(split));
    }

    public Map<Integer, List<SplitT>> assignment() {
        return assignment;
    }

    @Override
    public String toString() {
        return assignment.toString();
    }
}

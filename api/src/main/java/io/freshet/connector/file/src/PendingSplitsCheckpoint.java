package io.freshet.connector.file.src;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.freshet.core.fs.Path;

/**
 * What the file source's enumerator writes into a checkpoint: the splits not assigned yet, and the paths it has seen
 * already (so that a continuously monitoring source does not read a file twice after a restore).
 */
public final class PendingSplitsCheckpoint<SplitT extends FileSourceSplit> {

    private final Collection<SplitT> splits;
    private final Collection<Path> alreadyProcessedPaths;

    private PendingSplitsCheckpoint(Collection<SplitT> splits, Collection<Path> alreadyProcessedPaths) {
        this.splits = Collections.unmodifiableCollection(new ArrayList<>(splits));
        this.alreadyProcessedPaths = Collections.unmodifiableCollection(new ArrayList<>(alreadyProcessedPaths));
    }

    public static <T extends FileSourceSplit> PendingSplitsCheckpoint<T> fromCollectionSnapshot(Collection<T> splits) {
        return new PendingSplitsCheckpoint<>(splits, List.of());
    }

    public static <T extends FileSourceSplit> PendingSplitsCheckpoint<T> fromCollectionSnapshot(Collection<T> splits,
            Collection<Path> alreadyProcessedPaths) {
        return new PendingSplitsCheckpoint<>(splits, alreadyProcessedPaths);
    }

    public Collection<SplitT> getSplits() {
        return splits;
    }

    public Collection<Path> getAlreadyProcessedPaths() {
        return alreadyProcessedPaths;
    }

    @Override
    public String toString() {
        return "PendingSplitsCheckpoint{splits=" + splits + ", alreadyProcessedPaths=" + alreadyProcessedPaths + "}";
    }
}

package io.freshet.api.connector.source;

import io.freshet.core.io.SimpleVersionedSerializer;

/**
 * A split-based source ({@code env.fromSource(source, watermarkStrategy, name)}): an enumerator, one per job on the
 * JobManager, discovers splits and assigns them to the readers, one per parallel instance in the TaskManagers.
 *
 * @param <T> the records
 * @param <SplitT> the splits
 * @param <EnumChkT> what the enumerator writes into a checkpoint
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends SourceReaderFactory<T, SplitT> {

    Boundedness getBoundedness();

    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext) throws Exception;

    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> enumContext,
            EnumChkT checkpoint) throws Exception;

    /** Serializes splits for the messages that assign them and for checkpoints. */
    SimpleVersionedSerializer<SplitT> getSplitSerializer();

    SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}

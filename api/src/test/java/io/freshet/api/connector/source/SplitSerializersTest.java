package io.freshet.api.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.connector.source.lib.NumberSequenceSource;
import io.freshet.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.FileSourceSplit;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.fs.Path;
import io.freshet.core.io.SimpleVersionedSerializer;

/** The split and enumerator-checkpoint serializers of the built-in sources round-trip and refuse other versions. */
class SplitSerializersTest {

    @Test
    void numberSequenceSplitsRoundTrip() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 100);
        SimpleVersionedSerializer<NumberSequenceSplit> splits = source.getSplitSerializer();
        NumberSequenceSplit split = splits.deserialize(splits.getVersion(),
                splits.serialize(new NumberSequenceSplit("3", 40, 60)));
        assertThat(split.splitId()).isEqualTo("3");
        assertThat(split.from()).isEqualTo(40);
        assertThat(split.to()).isEqualTo(60);

        SimpleVersionedSerializer<Collection<NumberSequenceSplit>> checkpoints =
                source.getEnumeratorCheckpointSerializer();
        Collection<NumberSequenceSplit> restored = checkpoints.deserialize(checkpoints.getVersion(),
                checkpoints.serialize(List.of(new NumberSequenceSplit("0", 1, 2), new NumberSequenceSplit("1", 3, 4))));
        assertThat(restored).extracting(NumberSequenceSplit::toString).containsExactly(
                "NumberSequenceSplit{0: 1..2}", "NumberSequenceSplit{1: 3..4}");
        assertThatThrownBy(() -> splits.deserialize(7, new byte[0])).hasMessageContaining("version 7")
                .hasMessageContaining("NumberSequenceSource split");
    }

    @Test
    void fileSplitsRoundTrip() throws Exception {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/in"))
                .build();
        SimpleVersionedSerializer<FileSourceSplit> splits = source.getSplitSerializer();
        FileSourceSplit split = splits.deserialize(splits.getVersion(), splits.serialize(
                new FileSourceSplit("9", new Path("hdfs://nn:8020/in/a.txt"), 5, 100, 1234, 105)));
        assertThat(split.toString()).isEqualTo("FileSourceSplit: hdfs://nn:8020/in/a.txt [5, 105) id=9");
        assertThat(split.fileModificationTime()).isEqualTo(1234);
        assertThat(split.fileSize()).isEqualTo(105);
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split.updateWithCheckpointedPosition(
                new io.freshet.connector.file.src.util.CheckpointedPosition(-1, 42)))).getReaderPosition())
                .contains(new io.freshet.connector.file.src.util.CheckpointedPosition(-1, 42));
        SimpleVersionedSerializer<io.freshet.connector.file.src.PendingSplitsCheckpoint<FileSourceSplit>> checkpoints =
                source.getEnumeratorCheckpointSerializer();
        io.freshet.connector.file.src.PendingSplitsCheckpoint<FileSourceSplit> checkpoint = checkpoints.deserialize(1,
                checkpoints.serialize(io.freshet.connector.file.src.PendingSplitsCheckpoint.fromCollectionSnapshot(
                        List.of(split), List.of(new Path("hdfs://nn:8020/in/done.txt")))));
        assertThat(checkpoint.getSplits()).hasSize(1);
        assertThat(checkpoint.getAlreadyProcessedPaths()).containsExactly(new Path("hdfs://nn:8020/in/done.txt"));
        assertThatThrownBy(() -> checkpoints.deserialize(2, new byte[0])).hasMessageContaining("FileSource enumerator"
                + " checkpoint");
    }
}

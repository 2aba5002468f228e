package io.freshet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraphID;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.jobgraph.IntermediateDataSetID;
import io.freshet.runtime.jobgraph.IntermediateResultPartitionID;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String HEX = "00000000000000010000000000000002";

    @Test
    void jobVertexIdPrintsAndParsesThirtyTwoHexDigits() {
        JobVertexID id = new JobVertexID(2L, 1L);

        assertThat(id).hasToString(HEX);
        assertThat(JobVertexID.fromHexString(HEX)).isEqualTo(id);
        assertThat(JobVertexID.fromHexString(HEX.toUpperCase())).isEqualTo(id);
        JobVertexID random = new JobVertexID();
        assertThat(JobVertexID.fromHexString(random.toString())).isEqualTo(random).hasSameHashCodeAs(random);
    }

    @Test
    void malformedHexIsRejectedNamingTheIdTypeAndTheExpectedForm() {
        assertThatThrownBy(() -> AllocationID.fromHexString("xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AllocationID")
                .hasMessageContaining("\"xyz\"")
                .hasMessageContaining("32 hexadecimal digits");
        assertThatThrownBy(() -> JobVertexID.fromHexString(HEX + "0")).hasMessageContaining("JobVertexID");
    }

    @Test
    void idsOfDifferentKindsWithTheSameBitsAreNotEqual() {
        assertThat(new JobVertexID(2L, 1L)).isNotEqualTo(new IntermediateDataSetID(2L, 1L));
        assertThat(AllocationID.fromHexString(HEX)).isEqualTo(new AllocationID(2L, 1L)).hasToString(HEX);
    }

    @Test
    void executionAttemptIdPrintsGraphVertexSubtaskAndAttempt() {
        ExecutionGraphID graph = new ExecutionGraphID(4L, 3L);
        JobVertexID vertex = new JobVertexID(2L, 1L);
        ExecutionAttemptID attempt = new ExecutionAttemptID(graph, new ExecutionVertexID(vertex, 5), 7);

        assertThat(attempt).hasToString(graph + "_" + HEX + "_5_7");
        assertThat(attempt.getJobVertexId()).isEqualTo(vertex);
        assertThat(attempt.getSubtaskIndex()).isEqualTo(5);
        assertThat(attempt.getAttemptNumber()).isEqualTo(7);
        assertThat(attempt).isEqualTo(new ExecutionAttemptID(graph, new ExecutionVertexID(vertex, 5), 7))
                .isNotEqualTo(new ExecutionAttemptID(graph, new ExecutionVertexID(vertex, 5), 8))
                .hasSameHashCodeAs(new ExecutionAttemptID(graph, new ExecutionVertexID(vertex, 5), 7));
    }

    @Test
    void resultPartitionIdPrintsPartitionAtProducer() {
        IntermediateDataSetID dataSet = new IntermediateDataSetID(2L, 1L);
        IntermediateResultPartitionID partition = new IntermediateResultPartitionID(dataSet, 3);
        ExecutionAttemptID producer = ExecutionAttemptID.randomId();

        ResultPartitionID id = new ResultPartitionID(partition, producer);

        assertThat(partition).hasToString(HEX + "#3");
        assertThat(id).hasToString(HEX + "#3@" + producer);
        assertThat(id).isEqualTo(new ResultPartitionID(new IntermediateResultPartitionID(dataSet, 3), producer));
        assertThat(id).isNotEqualTo(new ResultPartitionID(partition, ExecutionAttemptID.randomId()));
    }

    @Test
    void resourceIdsAreEqualByTheirStringAloneAndShowMetadataOnRequest() {
        ResourceID withMetadata = new ResourceID("container_01", "host-a:6122");

        assertThat(withMetadata).isEqualTo(new ResourceID("container_01")).hasToString("container_01");
        assertThat(withMetadata.getStringWithMetadata()).isEqualTo("container_01(host-a:6122)");
        assertThat(new ResourceID("container_01").getStringWithMetadata()).isEqualTo("container_01");
        assertThat(ResourceID.generate()).isNotEqualTo(ResourceID.generate());
        assertThat(ResourceID.generate().getResourceIdString()).hasSize(32);
    }

    @Test
    void slotIdPrintsResourceAndSlotNumber() {
        SlotID slot = new SlotID(new ResourceID("tm-1"), 2);

        assertThat(slot).hasToString("tm-1_2").isEqualTo(new SlotID(new ResourceID("tm-1"), 2));
        assertThat(slot).isNotEqualTo(new SlotID(new ResourceID("tm-1"), 3));
        assertThat(slot.getResourceID()).isEqualTo(new ResourceID("tm-1"));
        assertThatThrownBy(() -> new SlotID(new ResourceID("tm-1"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executionVertexIdPrintsVertexAndSubtask() {
        assertThat(new ExecutionVertexID(new JobVertexID(2L, 1L), 4)).hasToString(HEX + "_4");
    }
}

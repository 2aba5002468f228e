package io.freshet.runtime.jobgraph;

import static io.freshet.runtime.io.network.partition.ResultPartitionType.BLOCKING;
import static io.freshet.runtime.io.network.partition.ResultPartitionType.PIPELINED;
import static io.freshet.runtime.jobgraph.DistributionPattern.ALL_TO_ALL;
import static io.freshet.runtime.jobgraph.DistributionPattern.POINTWISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.api.common.JobID;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphTest {

    private static JobVertex vertex(String name) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName("com.example." + name + "Task");
        return vertex;
    }

    @Test
    void connectingCreatesADataSetOnTheProducerAndAnEdgeOnTheConsumer() {
        JobVertex source = vertex("Source");
        JobVertex sink = vertex("Sink");

        JobEdge edge = sink.connectNewDataSetAsInput(source, POINTWISE, BLOCKING);

        assertThat(source.getProducedDataSets()).containsExactly(edge.getSource());
        assertThat(edge.getSource().getProducer()).isSameAs(source);
        assertThat(edge.getSource().getResultType()).isEqualTo(BLOCKING);
        assertThat(edge.getSource().getConsumers()).containsExactly(edge);
        assertThat(edge.getTarget()).isSameAs(sink);
        assertThat(edge.getDistributionPattern()).isEqualTo(POINTWISE);
        assertThat(sink.getInputs()).containsExactly(edge);
        assertThat(source.isInputVertex()).isTrue();
        assertThat(sink.isOutputVertex()).isTrue();
        assertThat(source.isAnyOutputBlocking()).isTrue();
    }

    @Test
    void verticesKeepInsertionOrderAndSortTopologicallyFromSources() {
        JobVertex sink = vertex("Sink");
        JobVertex map = vertex("Map");
        JobVertex source = vertex("Source");
        JobVertex other = vertex("OtherSource");
        map.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);
        sink.connectNewDataSetAsInput(map, ALL_TO_ALL, PIPELINED);
        sink.connectNewDataSetAsInput(other, ALL_TO_ALL, BLOCKING);
        JobGraph graph = new JobGraph(new JobID(), "job", sink, map, source, other);

        assertThat(graph.getVertices()).containsExactly(sink, map, source, other);
        assertThat(graph.getVerticesSortedTopologicallyFromSources()).containsExactly(source, other, map, sink);
        assertThat(graph.findVertexByID(map.getID())).isSameAs(map);
    }

    @Test
    void aValidGraphPassesValidation() {
        JobVertex source = vertex("Source");
        JobVertex sink = vertex("Sink");
        sink.connectNewDataSetAsInput(source, ALL_TO_ALL, PIPELINED);
        source.setParallelism(4);
        sink.setParallelism(128);

        assertThatCode(() -> new JobGraph(null, "ok", source, sink).validate()).doesNotThrowAnyException();
    }

    @Test
    void aCycleIsRejectedNamingTheVerticesOnIt() {
        JobVertex source = vertex("Source");
        JobVertex a = vertex("A");
        JobVertex b = vertex("B");
        JobVertex c = vertex("C");
        a.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);
        b.connectNewDataSetAsInput(a, POINTWISE, PIPELINED);
        c.connectNewDataSetAsInput(b, POINTWISE, PIPELINED);
        a.connectNewDataSetAsInput(c, POINTWISE, PIPELINED);
        JobGraph graph = new JobGraph(new JobID(), "Cyclic", source, a, b, c);

        assertThatThrownBy(graph::validate)
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("Job 'Cyclic' (" + graph.getJobID() + ")")
                .hasMessageContaining("cycle")
                .hasMessageContaining("'A' (" + a.getID() + ") -> 'B' (" + b.getID() + ") -> 'C' (" + c.getID()
                        + ") -> 'A'")
                .hasMessageNotContaining("'Source'")
                .hasMessageContaining("remove one of these edges");
    }

    @Test
    void aSelfLoopIsACycle() {
        JobVertex a = vertex("Loop");
        a.connectNewDataSetAsInput(a, POINTWISE, PIPELINED);

        assertThatThrownBy(() -> new JobGraph(null, "Self", a).getVerticesSortedTopologicallyFromSources())
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("'Loop' (" + a.getID() + ") -> 'Loop'");
    }

    @Test
    void anEdgeFromAProducerOutsideTheGraphIsRejectedAsDangling() {
        JobVertex forgotten = vertex("Forgotten");
        JobVertex sink = vertex("Sink");
        sink.connectNewDataSetAsInput(forgotten, POINTWISE, PIPELINED);
        JobGraph graph = new JobGraph(null, "Dangling", sink);

        assertThatThrownBy(graph::validate)
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("Job 'Dangling'")
                .hasMessageContaining("vertex 'Sink' (" + sink.getID() + ") reads")
                .hasMessageContaining("'Forgotten'")
                .hasMessageContaining("not in the job graph")
                .hasMessageContaining("addVertex");
    }

    @Test
    void anEdgeToAConsumerOutsideTheGraphIsRejectedAsDangling() {
        JobVertex source = vertex("Source");
        JobVertex forgotten = vertex("Forgotten");
        forgotten.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);
        JobGraph graph = new JobGraph(null, "Dangling", source);

        assertThatThrownBy(graph::validate)
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("vertex 'Source' (" + source.getID() + ")")
                .hasMessageContaining("read by vertex 'Forgotten'")
                .hasMessageContaining("not in the job graph");
    }

    @Test
    void aVertexWithoutInvokableClassIsRejected() {
        JobVertex vertex = new JobVertex("NoCode");

        assertThatThrownBy(() -> new JobGraph(null, "Job", vertex).validate())
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("Job 'Job'")
                .hasMessageContaining("'NoCode' (" + vertex.getID() + ") has no invokable class")
                .hasMessageContaining("setInvokableClassName");
    }

    @Test
    void aParallelismBelowOneIsRejected() {
        JobVertex vertex = vertex("Map");
        vertex.setParallelism(0);

        assertThatThrownBy(() -> new JobGraph(null, "Job", vertex).validate())
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("'Map' (" + vertex.getID() + ") has parallelism 0")
                .hasMessageContaining("between 1 and its max parallelism 128");
    }

    @Test
    void aParallelismAboveTheMaxParallelismIsRejected() {
        JobVertex vertex = vertex("Map");
        vertex.setParallelism(10);
        vertex.setMaxParallelism(8);

        assertThatThrownBy(() -> new JobGraph(null, "Job", vertex).validate())
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("has parallelism 10")
                .hasMessageContaining("max parallelism 8, or raise the max parallelism");
    }

    @Test
    void anOutOfRangeMaxParallelismIsRejected() {
        JobVertex vertex = vertex("Map");
        vertex.setMaxParallelism(0);

        assertThatThrownBy(() -> new JobGraph(null, "Job", vertex).validate())
                .hasMessageContaining("has max parallelism 0")
                .hasMessageContaining("between 1 and 32768");
    }

    @Test
    void anUnsetMaxParallelismIsDerivedFromTheParallelism() {
        JobVertex vertex = vertex("Map");
        vertex.setParallelism(200);
        assertThat(vertex.getEffectiveMaxParallelism()).isEqualTo(512); // 300 rounded up to a power of two
        vertex.setParallelism(1);
        assertThat(vertex.getEffectiveMaxParallelism()).isEqualTo(128);
        vertex.setParallelism(30000);
        assertThat(vertex.getEffectiveMaxParallelism()).isEqualTo(32768);
        vertex.setMaxParallelism(7);
        assertThat(vertex.getEffectiveMaxParallelism()).isEqualTo(7);
    }

    @Test
    void aSecondVertexWithAnExistingIdIsRejectedNamingBoth() {
        JobVertex first = vertex("First");
        JobVertex second = new JobVertex("Second", first.getID());
        JobGraph graph = new JobGraph(null, "Dup", first);

        graph.addVertex(first); // the same object again is fine

        assertThatThrownBy(() -> graph.addVertex(second))
                .isInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("Job 'Dup'")
                .hasMessageContaining("'First'")
                .hasMessageContaining("'Second'")
                .hasMessageContaining("same ID " + first.getID())
                .hasMessageContaining("fresh JobVertexID");
        assertThat(graph.getNumberOfVertices()).isEqualTo(1);
    }

    @Test
    void anEmptyGraphIsRejected() {
        assertThatThrownBy(() -> new JobGraph("Empty").validate()).hasMessageContaining("has no vertices");
    }

    @Test
    void slotSharingAndCoLocationGroupsAreCollectedFromTheVertices() {
        JobVertex head = vertex("Head");
        JobVertex tail = vertex("Tail");
        JobVertex alone = vertex("Alone");
        SlotSharingGroup group = new SlotSharingGroup();
        head.setSlotSharingGroup(group);
        tail.setSlotSharingGroup(group);

        head.setStrictlyCoLocatedWith(tail);
        JobGraph graph = new JobGraph(null, "Iter", head, tail, alone);

        assertThat(graph.getSlotSharingGroups()).containsExactly(group);
        assertThat(group.getJobVertexIds()).containsExactly(head.getID(), tail.getID());
        assertThat(graph.getCoLocationGroups()).containsExactly(head.getCoLocationGroup());
        assertThat(tail.getCoLocationGroup()).isSameAs(head.getCoLocationGroup());
        assertThat(head.getCoLocationGroup().getVertexIds()).containsExactly(head.getID(), tail.getID());
        assertThatThrownBy(() -> alone.setStrictlyCoLocatedWith(head))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same slot sharing group");
    }

    @Test
    void movingAVertexToAnotherSlotSharingGroupLeavesTheOldOne() {
        JobVertex vertex = vertex("Map");
        SlotSharingGroup first = new SlotSharingGroup();
        SlotSharingGroup second = new SlotSharingGroup();

        vertex.setSlotSharingGroup(first);
        vertex.setSlotSharingGroup(second);

        assertThat(first.getJobVertexIds()).isEmpty();
        assertThat(second.getJobVertexIds()).containsExactly(vertex.getID());
    }

    @Test
    void userObjectsAreStoredAsPayloadBytesAndReadBackThroughTheGivenClassLoader() throws Exception {
        JobVertex vertex = vertex("Map");
        List<String> function = new ArrayList<>(List.of("a", "b"));

        vertex.setUserObject("function", function);
        vertex.setUserPayload("raw", new byte[] {1, 2, 3});

        assertThat(vertex.getUserPayloadKeys()).containsExactly("function", "raw");
        assertThat(vertex.<List<String>>getUserObject("function", getClass().getClassLoader())).contains(function);
        assertThat(vertex.getUserPayload("raw")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(vertex.getUserObject("missing", getClass().getClassLoader())).isEmpty();
        assertThat(vertex.removeUserPayload("raw")).isTrue();
        assertThat(vertex.getUserPayload("raw")).isEmpty();
    }

    @Test
    void storedPayloadsAreCopiesUnaffectedByLaterChangesOfTheArray() {
        JobVertex vertex = vertex("Map");
        byte[] payload = {1, 2, 3};

        vertex.setUserPayload("p", payload);
        payload[0] = 9;
        vertex.getUserPayload("p").orElseThrow()[1] = 9;

        assertThat(vertex.getUserPayload("p").orElseThrow()).containsExactly(1, 2, 3);
    }
}

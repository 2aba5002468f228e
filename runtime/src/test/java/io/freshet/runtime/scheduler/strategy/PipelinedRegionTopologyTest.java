package io.freshet.runtime.scheduler.strategy;

import static io.freshet.runtime.io.network.partition.ResultPartitionType.BLOCKING;
import static io.freshet.runtime.io.network.partition.ResultPartitionType.PIPELINED;
import static io.freshet.runtime.io.network.partition.ResultPartitionType.PIPELINED_BOUNDED;
import static io.freshet.runtime.jobgraph.DistributionPattern.ALL_TO_ALL;
import static io.freshet.runtime.jobgraph.DistributionPattern.POINTWISE;
import static org.assertj.core.api.Assertions.assertThat;

import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelinedRegionTopologyTest {

    private static JobVertex vertex(String name, int parallelism) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName("com.example." + name);
        vertex.setParallelism(parallelism);
        return vertex;
    }

    private static List<ExecutionVertexID> subtasks(JobVertex vertex, int... indexes) {
        List<ExecutionVertexID> ids = new ArrayList<>();
        for (int index : indexes) {
            ids.add(new ExecutionVertexID(vertex.getID(), index));
        }
        return ids;
    }

    private static List<ExecutionVertexID> concat(List<ExecutionVertexID>... parts) {
        List<ExecutionVertexID> all = new ArrayList<>();
        for (List<ExecutionVertexID> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void aPurelyPipelinedJobIsOneRegion() {
        JobVertex source = vertex("Source", 3);
        JobVertex map = vertex("Map", 2);
        JobVertex sink = vertex("Sink", 2);
        map.connectNewDataSetAsInput(source, ALL_TO_ALL, PIPELINED_BOUNDED);
        sink.connectNewDataSetAsInput(map, POINTWISE, PIPELINED);

        PipelinedRegionTopology topology = PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, map, sink));

        assertThat(topology.getAllPipelinedRegions()).hasSize(1);
        assertThat(topology.getAllPipelinedRegions().get(0).getVertices()).containsExactlyElementsOf(
                concat(subtasks(source, 0, 1, 2), subtasks(map, 0, 1), subtasks(sink, 0, 1)));
        assertThat(topology.getSourceRegions()).containsExactlyElementsOf(topology.getAllPipelinedRegions());
    }

    @Test
    void aBlockingEdgeSeparatesSourceAndSinkIntoTwoRegionsRunOneAfterTheOther() {
        JobVertex source = vertex("Source", 1);
        JobVertex sink = vertex("Sink", 1);
        sink.connectNewDataSetAsInput(source, ALL_TO_ALL, BLOCKING);

        PipelinedRegionTopology topology = PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", sink, source));

        List<PipelinedRegion> regions = topology.getAllPipelinedRegions();
        assertThat(regions).hasSize(2);
        PipelinedRegion first = regions.get(0);
        PipelinedRegion second = regions.get(1);
        assertThat(first.getVertices()).containsExactlyElementsOf(subtasks(source, 0));
        assertThat(second.getVertices()).containsExactlyElementsOf(subtasks(sink, 0));
        assertThat(second.getProducerRegions()).containsExactly(first);
        assertThat(first.getConsumerRegions()).containsExactly(second);
        assertThat(topology.getSourceRegions()).containsExactly(first);
    }

    @Test
    void withBlockingExchangesEverySubtaskWithoutPipelinedPartnersIsItsOwnRegion() {
        JobVertex source = vertex("Source", 2);
        JobVertex sink = vertex("Sink", 3);
        sink.connectNewDataSetAsInput(source, ALL_TO_ALL, BLOCKING);

        PipelinedRegionTopology topology = PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, sink));

        assertThat(topology.getAllPipelinedRegions()).hasSize(5);
        PipelinedRegion sinkRegion = topology.getPipelinedRegionOfVertex(new ExecutionVertexID(sink.getID(), 2));
        assertThat(sinkRegion.getProducerRegions()).containsExactlyInAnyOrder(
                topology.getPipelinedRegionOfVertex(new ExecutionVertexID(source.getID(), 0)),
                topology.getPipelinedRegionOfVertex(new ExecutionVertexID(source.getID(), 1)));
        assertThat(topology.getSourceRegions()).hasSize(2);
    }

    @Test
    void pointwisePipelinedChainsOfEqualParallelismFormOneRegionPerSubtaskIndex() {
        JobVertex source = vertex("Source", 4);
        JobVertex map = vertex("Map", 4);
        JobVertex sink = vertex("Sink", 4);
        map.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);
        sink.connectNewDataSetAsInput(map, POINTWISE, PIPELINED);

        PipelinedRegionTopology topology = PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, map, sink));

        assertThat(topology.getAllPipelinedRegions()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            PipelinedRegion region = topology.getAllPipelinedRegions().get(i);
            assertThat(region.getVertices())
                    .containsExactlyElementsOf(concat(subtasks(source, i), subtasks(map, i), subtasks(sink, i)));
            assertThat(region.getProducerRegions()).isEmpty();
            assertThat(region.getIndex()).isEqualTo(i);
        }
    }

    @Test
    void pointwiseFanInJoinsContiguousProducerRanges() {
        JobVertex source = vertex("Source", 4);
        JobVertex sink = vertex("Sink", 2);
        sink.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);

        List<PipelinedRegion> regions =
                PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, sink)).getAllPipelinedRegions();

        assertThat(regions).extracting(PipelinedRegion::getVertices).containsExactly(
                concat(subtasks(source, 0, 1), subtasks(sink, 0)), concat(subtasks(source, 2, 3), subtasks(sink, 1)));
    }

    @Test
    void pointwiseFanOutJoinsContiguousConsumerRanges() {
        JobVertex source = vertex("Source", 2);
        JobVertex sink = vertex("Sink", 5);
        sink.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);

        List<PipelinedRegion> regions =
                PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, sink)).getAllPipelinedRegions();

        // producer 0 feeds consumers [0, 5/2) = {0, 1}; producer 1 feeds [2, 5) = {2, 3, 4}
        assertThat(regions).extracting(PipelinedRegion::getVertices).containsExactly(
                concat(subtasks(source, 0), subtasks(sink, 0, 1)), concat(subtasks(source, 1), subtasks(sink, 2, 3, 4)));
    }

    @Test
    void aDiamondMixingPipelinedAndBlockingEdgesRunsTheBlockingConsumersAfterTheirProducers() {
        //        +--(pipelined, all-to-all)--> Left --(blocking, all-to-all)--+
        // Source                                                              +--> Sink
        //        +--(blocking, pointwise)--> Right --(pipelined, pointwise)---+
        JobVertex source = vertex("Source", 2);
        JobVertex left = vertex("Left", 2);
        JobVertex right = vertex("Right", 2);
        JobVertex sink = vertex("Sink", 2);
        left.connectNewDataSetAsInput(source, ALL_TO_ALL, PIPELINED);
        right.connectNewDataSetAsInput(source, POINTWISE, BLOCKING);
        sink.connectNewDataSetAsInput(left, ALL_TO_ALL, BLOCKING);
        sink.connectNewDataSetAsInput(right, POINTWISE, PIPELINED);

        PipelinedRegionTopology topology =
                PipelinedRegionTopology.fromJobGraph(new JobGraph(null, "j", source, left, right, sink));

        List<PipelinedRegion> regions = topology.getAllPipelinedRegions();
        assertThat(regions).extracting(PipelinedRegion::getVertices).containsExactly(
                concat(subtasks(source, 0, 1), subtasks(left, 0, 1)),
                concat(subtasks(right, 0), subtasks(sink, 0)),
                concat(subtasks(right, 1), subtasks(sink, 1)));
        assertThat(regions.get(1).getProducerRegions()).containsExactly(regions.get(0));
        assertThat(regions.get(2).getProducerRegions()).containsExactly(regions.get(0));
        assertThat(regions.get(0).getConsumerRegions()).containsExactly(regions.get(1), regions.get(2));
        assertThat(topology.getSourceRegions()).containsExactly(regions.get(0));
    }

    @Test
    void regionsThatWouldWaitForEachOtherAreMergedIntoOne() {
        // Source, A and C are pipelined together; B reads Source blocking and C reads B blocking, so the region
        // of Source would have to finish before B starts, and B before C (in that region) starts.
        JobVertex source = vertex("Source", 1);
        JobVertex a = vertex("A", 1);
        JobVertex b = vertex("B", 1);
        JobVertex c = vertex("C", 1);
        a.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);
        b.connectNewDataSetAsInput(source, POINTWISE, BLOCKING);
        c.connectNewDataSetAsInput(b, POINTWISE, BLOCKING);
        a.connectNewDataSetAsInput(c, POINTWISE, PIPELINED);

        List<PipelinedRegion> regions = PipelinedRegionTopology
                .fromJobGraph(new JobGraph(null, "j", source, a, b, c))
                .getAllPipelinedRegions();

        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).getVertices()).hasSize(4);
        assertThat(regions.get(0).getProducerRegions()).isEmpty();
    }

    @Test
    void subtasksThatReadEachOthersBlockingOutputCrosswiseShareARegion() {
        // Pointwise pipelined pairs (P0,C0) and (P1,C1), plus an all-to-all blocking exchange between them:
        // C0 waits for P1's region and C1 for P0's, a cycle of two regions.
        JobVertex producer = vertex("P", 2);
        JobVertex consumer = vertex("C", 2);
        consumer.connectNewDataSetAsInput(producer, POINTWISE, PIPELINED);
        consumer.connectNewDataSetAsInput(producer, ALL_TO_ALL, BLOCKING);

        List<PipelinedRegion> regions = PipelinedRegionTopology
                .fromJobGraph(new JobGraph(null, "j", producer, consumer))
                .getAllPipelinedRegions();

        assertThat(regions).hasSize(1);
    }

    @Test
    void parallelismsCanBeOverriddenByTheCaller() {
        JobVertex source = vertex("Source", 1);
        JobVertex sink = vertex("Sink", 1);
        sink.connectNewDataSetAsInput(source, POINTWISE, PIPELINED);

        PipelinedRegionTopology topology = PipelinedRegionTopology.fromJobGraph(
                new JobGraph(null, "j", source, sink), Map.of(source.getID(), 3, sink.getID(), 3));

        assertThat(topology.getAllPipelinedRegions()).hasSize(3);
    }

    @Test
    void aLongBlockingChainIsOrderedFromSourceToSink() {
        List<JobVertex> chain = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            JobVertex vertex = vertex("V" + i, 1);
            if (i > 0) {
                vertex.connectNewDataSetAsInput(chain.get(i - 1), POINTWISE, BLOCKING);
            }
            chain.add(vertex);
        }

        List<PipelinedRegion> regions = PipelinedRegionTopology
                .fromJobGraph(new JobGraph(null, "chain", chain.toArray(new JobVertex[0])))
                .getAllPipelinedRegions();

        assertThat(regions).hasSize(2_000);
        for (int i = 0; i < regions.size(); i++) {
            assertThat(regions.get(i).getVertices()).containsExactlyElementsOf(subtasks(chain.get(i), 0));
        }
    }
}

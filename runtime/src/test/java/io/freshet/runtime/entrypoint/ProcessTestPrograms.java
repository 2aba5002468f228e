package io.freshet.runtime.entrypoint;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.freshet.client.program.JobGraphEnvironment;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;

/** Programs that {@code bin/flink run} submits to clusters of separate processes. */
public final class ProcessTestPrograms {

    private ProcessTestPrograms() {}

    /**
     * args: directory, parallelism, records. A source that blocks in its first attempt (until its TaskManager is
     * killed) feeding a sink that writes its count and sum to the directory; restarts with fixed-delay, set in the
     * program as users do.
     */
    public static final class SurvivingJobProgram {
        public static void main(String[] args) throws Exception {
            Configuration configuration = new Configuration();
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            configuration.setString("restart-strategy.fixed-delay.attempts", "3");
            configuration.setString("restart-strategy.fixed-delay.delay", "500 ms");
            JobGraphEnvironment env = JobGraphEnvironment.getExecutionEnvironment(configuration);
            env.execute(sourceToSink("survives-kill", Paths.get(args[0]), Integer.parseInt(args[1]),
                    Long.parseLong(args[2])));
        }
    }

    static JobGraph sourceToSink(String name, Path directory, int parallelism, long records) {
        JobVertex source = new JobVertex("source");
        source.setInvokableClassName(ProcessTestInvokables.SourceBlockingInFirstAttempt.class.getName());
        source.setParallelism(parallelism);
        source.getConfiguration().setString(ProcessTestInvokables.DIRECTORY, directory.toString());
        source.getConfiguration().setString(ProcessTestInvokables.RECORDS, String.valueOf(records));
        JobVertex sink = new JobVertex("sink");
        sink.setInvokableClassName(ProcessTestInvokables.ResultFileSink.class.getName());
        sink.setParallelism(parallelism);
        sink.getConfiguration().setString(ProcessTestInvokables.DIRECTORY, directory.toString());
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED_BOUNDED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        sink.setSlotSharingGroup(group);
        return new JobGraph(null, name, source, sink);
    }
}

package io.freshet.runtime.entrypoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;

/**
 * Invokables for jobs on clusters of separate processes: they tell the test what happens through files in the
 * directory named by {@link #DIRECTORY} (static fields do not cross process boundaries).
 */
public final class ProcessTestInvokables {

    static final String DIRECTORY = "test.directory";
    static final String RECORDS = "test.records";

    private ProcessTestInvokables() {}

    private static Path directory(AbstractInvokable invokable) {
        return Paths.get(invokable.getTaskConfiguration().getString(DIRECTORY, "/nonexistent"));
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Attempt 0 announces itself ({@code started-<subtask>-0} holding its process id) and runs until cancelled or
     * killed; later attempts emit the longs 0 .. records-1 and finish.
     */
    public static final class SourceBlockingInFirstAttempt extends AbstractInvokable {
        public SourceBlockingInFirstAttempt(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            int subtask = getEnvironment().getTaskInfo().getIndexOfThisSubtask();
            int attempt = getEnvironment().getTaskInfo().getAttemptNumber();
            if (attempt == 0) {
                writeAtomically(directory(this).resolve("started-" + subtask + "-0"),
                        String.valueOf(ProcessHandle.current().pid()));
                while (true) {
                    Thread.sleep(50); // until cancelled (interrupt) or the process dies
                }
            }
            long records = Long.parseLong(getTaskConfiguration().getString(RECORDS, "1000"));
            RecordWriter<Long> writer = new RecordWriter<>(getEnvironment().getWriter(0),
                    (io.freshet.runtime.io.network.buffer.BufferProvider) getEnvironment().getWriter(0),
                    new RebalancePartitioner<>(), LongSerializer.INSTANCE);
            for (long i = 0; i < records; i++) {
                writer.emit(i);
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Reads longs and writes {@code result-<subtask>-<attempt>} holding "count sum" when its input ends. */
    public static final class ResultFileSink extends AbstractInvokable {
        public ResultFileSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long count = 0;
            long sum = 0;
            RecordReader<Long> reader = new RecordReader<>(getEnvironment().getInputGate(0), LongSerializer.INSTANCE,
                    false);
            Long value;
            while ((value = reader.next()) != null) {
                count++;
                sum += value;
            }
            writeAtomically(directory(this).resolve("result-" + getEnvironment().getTaskInfo().getIndexOfThisSubtask()
                    + "-" + getEnvironment().getTaskInfo().getAttemptNumber()), count + " " + sum);
        }
    }
}

package io.freshet.streaming.api.functions.sink;

import java.util.OptionalLong;

import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.connector.sink2.Sink;
import io.freshet.api.connector.sink2.SinkWriter;
import io.freshet.api.connector.sink2.WriterInitContext;
import io.freshet.configuration.Configuration;
import io.freshet.util.UserCodeClassLoader;

/**
 * Runs a {@link Sink}'s writer where {@code sinkTo} puts it: created when the task opens, handed every record and
 * watermark, flushed with {@code endOfInput} when a bounded input ends, closed with the task.
 */
@SuppressWarnings("deprecation")
public final class SinkWriterFunction<IN> extends RichSinkFunction<IN> {

    private static final long serialVersionUID = 1L;

    private final Sink<IN> sink;
    private final TypeSerializer<IN> inputSerializer;
    private transient SinkWriter<IN> writer;
    private transient WriterContext writerContext;

    public SinkWriterFunction(Sink<IN> sink, TypeSerializer<IN> inputSerializer) {
        this.sink = sink;
        this.inputSerializer = inputSerializer;
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        writer = sink.createWriter((WriterInitContext) new InitContextImpl());
        writerContext = new WriterContext();
    }

    @Override
    public void invoke(IN value, Context context) throws Exception {
        writerContext.context = context;
        writer.write(value, writerContext);
    }

    @Override
    public void writeWatermark(io.freshet.api.common.eventtime.Watermark watermark) throws Exception {
        writer.writeWatermark(watermark);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    private static final class WriterContext implements SinkWriter.Context {
        SinkFunction.Context context;

        @Override
        public long currentWatermark() {
            return context.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return context.timestamp();
        }
    }

    private final class InitContextImpl implements WriterInitContext, Sink.InitContext {
        @Override
        public OptionalLong getRestoredCheckpointId() {
            return OptionalLong.empty();
        }

        @Override
        public JobInfo getJobInfo() {
            return getRuntimeContext().getJobInfo();
        }

        @Override
        public TaskInfo getTaskInfo() {
            return getRuntimeContext().getTaskInfo();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return UserCodeClassLoader.of(getRuntimeContext().getUserCodeClassLoader(),
                    getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
        }

        @Override
        public boolean isObjectReuseEnabled() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeSerializer<T> createInputSerializer() {
            return (TypeSerializer<T>) inputSerializer.duplicate();
        }
    }
}

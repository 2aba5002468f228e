package io.freshet.streaming.api.operators;

import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.state.KeyedStateStore;

/** What the task hands an operator when it sets it up. */
public final class StreamOperatorParameters<OUT> {

    private final Output<io.freshet.streaming.runtime.streamrecord.StreamRecord<OUT>> output;
    private final JobInfo jobInfo;
    private final TaskInfo taskInfo;
    private final ExecutionConfig executionConfig;
    private final ClassLoader userCodeClassLoader;
    private final KeyedStateStore keyedStateStore;
    private final KeyContext keyContext;
    private final ProcessingTimeService processingTimeService;
    private final boolean batchExecution;
    private MailboxExecutor mailboxExecutor;
    private boolean checkpointingEnabled;
    private io.freshet.api.common.typeutils.TypeSerializer<?> keySerializer;
    private java.util.function.Predicate<Object> ownsKey = key -> true;

    /**
     * @param keyedStateStore the keyed state of a keyed operator, or null for an operator on a non-keyed stream
     * @param keyContext the current key of a keyed operator, or null
     */
    public StreamOperatorParameters(Output<io.freshet.streaming.runtime.streamrecord.StreamRecord<OUT>> output,
            JobInfo jobInfo, TaskInfo taskInfo, ExecutionConfig executionConfig, ClassLoader userCodeClassLoader,
            KeyedStateStore keyedStateStore, KeyContext keyContext, ProcessingTimeService processingTimeService) {
        this(output, jobInfo, taskInfo, executionConfig, userCodeClassLoader, keyedStateStore, keyContext,
                processingTimeService, false);
    }

    /** @param batchExecution whether the job runs in BATCH mode (sorted keyed inputs, no progressive watermarks) */
    public StreamOperatorParameters(Output<io.freshet.streaming.runtime.streamrecord.StreamRecord<OUT>> output,
            JobInfo jobInfo, TaskInfo taskInfo, ExecutionConfig executionConfig, ClassLoader userCodeClassLoader,
            KeyedStateStore keyedStateStore, KeyContext keyContext, ProcessingTimeService processingTimeService,
            boolean batchExecution) {
        this.batchExecution = batchExecution;
        this.keyContext = keyContext;
        this.processingTimeService = Objects.requireNonNull(processingTimeService, "processingTimeService");
        this.output = Objects.requireNonNull(output, "output");
        this.jobInfo = Objects.requireNonNull(jobInfo, "jobInfo");
        this.taskInfo = Objects.requireNonNull(taskInfo, "taskInfo");
        this.executionConfig = Objects.requireNonNull(executionConfig, "executionConfig");
        this.userCodeClassLoader = Objects.requireNonNull(userCodeClassLoader, "userCodeClassLoader");
        this.keyedStateStore = keyedStateStore;
    }

    public Output<io.freshet.streaming.runtime.streamrecord.StreamRecord<OUT>> getOutput() {
        return output;
    }

    public JobInfo getJobInfo() {
        return jobInfo;
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    /** The current key of a keyed operator, or null on a non-keyed stream. */
    public KeyContext getKeyContext() {
        return keyContext;
    }

    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    /** Sets the task thread's mailbox (the task does, before setting operators up). */
    public StreamOperatorParameters<OUT> withMailboxExecutor(MailboxExecutor mailboxExecutor) {
        this.mailboxExecutor = mailboxExecutor;
        return this;
    }

    /** Whether the job takes periodic checkpoints (the task sets it). */
    public StreamOperatorParameters<OUT> withCheckpointingEnabled(boolean enabled) {
        this.checkpointingEnabled = enabled;
        return this;
    }

    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    /**
     * On a keyed stream: the key serializer (timers are checkpointed with it) and which keys belong to this subtask's
     * key groups (a restore at another parallelism keeps only those).
     */
    public StreamOperatorParameters<OUT> withKeys(io.freshet.api.common.typeutils.TypeSerializer<?> keySerializer,
            java.util.function.Predicate<Object> ownsKey) {
        this.keySerializer = keySerializer;
        this.ownsKey = ownsKey;
        return this;
    }

    public io.freshet.api.common.typeutils.TypeSerializer<?> getKeySerializer() {
        return keySerializer;
    }

    public java.util.function.Predicate<Object> getOwnsKey() {
        return ownsKey;
    }

    public MailboxExecutor getMailboxExecutor() {
        return mailboxExecutor;
    }

    /** Whether the job runs in BATCH mode. */
    public boolean isBatchExecution() {
        return batchExecution;
    }

    /** The keyed state, or null on a non-keyed stream. */
    public KeyedStateStore getKeyedStateStore() {
        return keyedStateStore;
    }
}

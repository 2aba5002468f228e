package io.freshet.streaming.api.functions.sink;

import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} on standard output (or standard error), as Flink does: prefixed with
 * {@code <subtask>> } (1-based) when the sink runs with a parallelism above one, and with {@code <identifier>:}
 * when one is given.
 */
@Deprecated
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {

    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;
    private transient PrintStream stream;
    private transient String prefix;

    public PrintSinkFunction() {
        this(false);
    }

    public PrintSinkFunction(boolean stdErr) {
        this(null, stdErr);
    }

    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public void open(io.freshet.configuration.Configuration parameters) throws Exception {
        stream = stdErr ? System.err : System.out;
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1;
        String identifier = sinkIdentifier == null ? "" : sinkIdentifier;
        if (parallelism > 1) {
            prefix = identifier.isEmpty() ? subtask + "> " : identifier + ":" + subtask + "> ";
        } else {
            prefix = identifier.isEmpty() ? "" : identifier + "> ";
        }
    }

    @Override
    public void invoke(IN record, Context context) {
        stream.println(prefix + record);
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }
}

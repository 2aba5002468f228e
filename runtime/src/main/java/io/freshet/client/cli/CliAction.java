package io.freshet.client.cli;

import java.util.List;
import java.util.Optional;

/** The actions of {@code bin/flink}, with Flink's names, syntax and main options. */
enum CliAction {
    RUN(
            "run",
            "compiles and runs a program.",
            "run [OPTIONS] <jar-file> <arguments>",
            List.of(
                    Options.ENTRY_CLASS,
                    Options.PARALLELISM,
                    CliOption.flag("d", "detached", "Submit the job and return without waiting for its result."),
                    CliOption.withArgument(
                            "s", "fromSavepoint", "savepointPath", "Start the job from this savepoint or retained checkpoint."),
                    CliOption.flag(
                            "n",
                            "allowNonRestoredState",
                            "Start from a savepoint even if it holds state no operator of the job claims."),
                    CliOption.withArgument(
                            "t", "target", "target", "Where to run: local, remote, yarn-per-job or yarn-session."),
                    Options.JOB_MANAGER,
                    Options.DYNAMIC_PROPERTY)),

    RUN_APPLICATION(
            "run-application",
            "runs a program in application mode: its main method runs on the cluster.",
            "run-application [OPTIONS] <jar-file> <arguments>",
            List.of(
                    Options.ENTRY_CLASS,
                    Options.PARALLELISM,
                    CliOption.withArgument("t", "target", "target", "Where to run: yarn-application."),
                    Options.DYNAMIC_PROPERTY)),

    INFO(
            "info",
            "shows the execution plan of a program (JSON).",
            "info [OPTIONS] <jar-file> <arguments>",
            List.of(Options.ENTRY_CLASS, Options.PARALLELISM)),

    LIST(
            "list",
            "lists running and scheduled jobs.",
            "list [OPTIONS]",
            List.of(
                    CliOption.flag("r", "running", "Show only running jobs."),
                    CliOption.flag("s", "scheduled", "Show only scheduled jobs."),
                    CliOption.flag("a", "all", "Show all jobs, finished ones included."),
                    Options.TARGET_CLUSTER,
                    Options.JOB_MANAGER,
                    Options.DYNAMIC_PROPERTY)),

    STOP(
            "stop",
            "stops a running streaming job, taking a savepoint first.",
            "stop [OPTIONS] <Job ID>",
            List.of(
                    CliOption.withArgument(
                            "p",
                            "savepointPath",
                            "savepointPath",
                            "Directory of the savepoint; defaults to state.savepoints.dir."),
                    CliOption.flag(
                            "d", "drain", "Emit MAX_WATERMARK before stopping, firing all event-time timers."),
                    Options.SAVEPOINT_FORMAT,
                    Options.TARGET_CLUSTER,
                    Options.JOB_MANAGER,
                    Options.DYNAMIC_PROPERTY)),

    CANCEL(
            "cancel",
            "cancels a running job.",
            "cancel [OPTIONS] <Job ID>",
            List.of(Options.TARGET_CLUSTER, Options.JOB_MANAGER, Options.DYNAMIC_PROPERTY)),

    SAVEPOINT(
            "savepoint",
            "triggers a savepoint of a running job, or disposes of an existing savepoint.",
            "savepoint [OPTIONS] <Job ID> [<target directory>]",
            List.of(
                    CliOption.withArgument("d", "dispose", "savepointPath", "Dispose of the savepoint at this path."),
                    CliOption.withArgument(
                            "j", "jarfile", "jarfile", "The job's jar, for disposing of savepoints with user classes."),
                    Options.SAVEPOINT_FORMAT,
                    Options.TARGET_CLUSTER,
                    Options.JOB_MANAGER,
                    Options.DYNAMIC_PROPERTY));

    private final String name;
    private final String description;
    private final String syntax;
    private final List<CliOption> options;

    CliAction(String name, String description, String syntax, List<CliOption> options) {
        this.name = name;
        this.description = description;
        this.syntax = syntax;
        this.options = options;
    }

    /** The name typed on the command line: {@code run}, {@code run-application}, ... */
    String actionName() {
        return name;
    }

    /** Completes the sentence "Action "run" ...". */
    String description() {
        return description;
    }

    String syntax() {
        return syntax;
    }

    List<CliOption> options() {
        return options;
    }

    static Optional<CliAction> fromName(String name) {
        for (CliAction action : values()) {
            if (action.name.equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Options shared by several actions; a holder class because enum constants cannot reach static fields. */
    private static final class Options {
        static final CliOption ENTRY_CLASS =
                CliOption.withArgument(
                        "c",
                        "class",
                        "classname",
                        "Class with the program's main method, if the jar's manifest names none.");
        static final CliOption PARALLELISM =
                CliOption.withArgument(
                        "p", "parallelism", "parallelism", "Default parallelism of the job; overrides parallelism.default.");
        static final CliOption TARGET_CLUSTER =
                CliOption.withArgument(
                        "t", "target", "target", "Kind of cluster to talk to: remote, yarn-per-job, yarn-session, ...");
        static final CliOption JOB_MANAGER =
                CliOption.withArgument(
                        "m", "jobmanager", "host:port", "REST address of the JobManager; overrides rest.address and rest.port.");
        static final CliOption DYNAMIC_PROPERTY =
                CliOption.withArgument(
                        "D", null, "property=value", "Set a configuration option for this call; may be repeated.");
        static final CliOption SAVEPOINT_FORMAT =
                CliOption.withArgument(
                        "type", "type", "formatType", "Savepoint format: canonical (the default) or native.");

        private Options() {}
    }
}

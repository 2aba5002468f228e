package io.freshet.yarn.entrypoint;

import java.io.File;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.api.common.JobID;
import io.freshet.client.deployment.executors.EmbeddedExecutor;
import io.freshet.client.program.PackagedProgram;
import io.freshet.client.program.ProgramContext;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.yarn.YarnConfigKeys;

/**
 * The ApplicationMaster of an application cluster ({@code bin/flink run-application -t yarn-application}): a JobManager
 * that runs the program's main method itself; the program's jobs go to its own Dispatcher. When the program has
 * returned and its jobs have ended, the application ends: SUCCEEDED if every job finished, else with the status of
 * the first job that did not (FAILED with its cause, KILLED if cancelled); FAILED if the program threw or ran no job.
 */
public final class YarnApplicationClusterEntrypoint extends YarnClusterEntrypoint {

    private static final Duration JOB_RESULT_TIMEOUT = Duration.ofDays(365);

    public YarnApplicationClusterEntrypoint(Configuration configuration, YarnConfiguration yarnConfiguration,
            Map<String, String> environment) {
        super(configuration, yarnConfiguration, environment);
    }

    public static void main(String[] args) {
        YarnApplicationClusterEntrypoint entrypoint;
        try {
            entrypoint = new YarnApplicationClusterEntrypoint(
                    loadConfiguration("YarnApplicationClusterEntrypoint", args), loadYarnConfiguration(),
                    System.getenv());
        } catch (Throwable t) {
            LOG.error("Could not start the application cluster's ApplicationMaster.", t);
            System.err.println("Could not start the application cluster's ApplicationMaster: " + t);
            System.exit(FAILURE_EXIT_CODE);
            return;
        }
        runAndExit("application cluster's ApplicationMaster", entrypoint);
    }

    @Override
    protected void onStarted() throws Exception {
        JsonNode program = new ObjectMapper().readTree(new File(YarnConfigKeys.APPLICATION_PROGRAM_FILE));
        String jar = program.path("jar").asText();
        String entryClass = program.path("entryClass").isNull() ? null : program.path("entryClass").asText(null);
        List<String> arguments = new ArrayList<>();
        program.path("arguments").forEach(argument -> arguments.add(argument.asText()));
        Thread main = new Thread(() -> runProgram(jar, entryClass, arguments), "application-main");
        main.start();
    }

    private void runProgram(String jar, String entryClass, List<String> arguments) {
        EmbeddedExecutor executor = new EmbeddedExecutor(getComponent().getDispatcherGateway(), Duration.ofMinutes(2),
                getBlobServer());
        Configuration programConfiguration = new Configuration(getConfiguration());
        programConfiguration.set(DeploymentOptions.TARGET, EmbeddedExecutor.NAME);
        programConfiguration.set(DeploymentOptions.ATTACHED, true);
        FinalApplicationStatus status;
        String diagnostics;
        try (PackagedProgram program = PackagedProgram.create(new File(jar), entryClass,
                arguments.toArray(new String[0]), programConfiguration)) {
            LOG.info("Running the program {} of {} with arguments {}.", program.getMainClassName(), jar, arguments);
            ProgramContext.executeProgram(executor.asServiceLoader(), programConfiguration, program,
                    new PrintStream(System.out, true), false);
            List<JobID> jobs = executor.getSubmittedJobs();
            if (jobs.isEmpty()) {
                status = FinalApplicationStatus.FAILED;
                diagnostics = "The program " + program.getMainClassName() + " ran no job.";
            } else {
                status = FinalApplicationStatus.SUCCEEDED;
                diagnostics = "The program " + program.getMainClassName() + " and its " + jobs.size()
                        + " job(s) finished.";
                for (JobID jobId : jobs) {
                    JobResult result = getComponent().getDispatcherGateway()
                            .requestJobResult(jobId, JOB_RESULT_TIMEOUT).get();
                    FinalApplicationStatus jobStatus = YarnJobClusterEntrypoint.finalStatus(result);
                    if (jobStatus != FinalApplicationStatus.SUCCEEDED) {
                        status = jobStatus;
                        diagnostics = YarnJobClusterEntrypoint.diagnostics(result);
                        break;
                    }
                }
            }
        } catch (Throwable t) {
            LOG.error("The program of the application failed.", t);
            status = FinalApplicationStatus.FAILED;
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            diagnostics = "The program failed: " + t + (root == t ? "" : " Caused by: " + root);
        }
        shutDown(status, diagnostics);
    }
}

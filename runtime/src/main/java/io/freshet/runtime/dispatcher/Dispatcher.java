package io.freshet.runtime.dispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph;
import io.freshet.runtime.jobgraph.InvalidJobGraphException;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobmaster.JobMaster;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.rpc.RpcEndpoint;
import io.freshet.runtime.rpc.RpcService;

/**
 * Accepts jobs and runs one {@link JobMaster} per job; keeps the results of finished jobs for
 * {@code jobstore.expiration-time} seconds, at most {@code jobstore.max-capacity} of them (the oldest go first);
 * after that a finished job is unknown, as if it never ran here. A job that cannot be accepted (invalid graph, duplicate id) fails its own
 * submission; a job that fails while running ends FAILED; neither affects the other jobs. An RPC endpoint: all
 * state lives on its main thread.
 */
public class Dispatcher extends RpcEndpoint implements DispatcherGateway {

    public static final String DISPATCHER_NAME = "dispatcher";

    private final Function<JobGraph, JobMaster> jobMasterFactory;
    private final long resultExpirationMillis;
    private final int maxFinishedJobs;
    private final Map<JobID, RunningJob> runningJobs = new LinkedHashMap<>();
    private final Map<JobID, FinishedJob> finishedJobs = new LinkedHashMap<>();

    public Dispatcher(RpcService rpcService, Configuration configuration, Function<JobGraph, JobMaster> jobMasterFactory) {
        super(rpcService, DISPATCHER_NAME);
        this.jobMasterFactory = jobMasterFactory;
        this.resultExpirationMillis = configuration.get(JobManagerOptions.JOB_STORE_EXPIRATION_TIME) * 1000L;
        this.maxFinishedJobs = configuration.get(JobManagerOptions.JOB_STORE_MAX_CAPACITY);
        if (resultExpirationMillis < 0 || maxFinishedJobs < 0) {
            throw new io.freshet.configuration.IllegalConfigurationException("'%s' (%s) and '%s' (%s) must not be"
                    + " negative.", JobManagerOptions.JOB_STORE_EXPIRATION_TIME.key(), resultExpirationMillis / 1000,
                    JobManagerOptions.JOB_STORE_MAX_CAPACITY.key(), maxFinishedJobs);
        }
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        List<CompletableFuture<Void>> terminations = new ArrayList<>();
        for (RunningJob job : runningJobs.values()) {
            terminations.add(job.jobMaster.closeAsync());
        }
        return CompletableFuture.allOf(terminations.toArray(new CompletableFuture<?>[0]));
    }

    @Override
    public CompletableFuture<Acknowledge> submitJob(JobGraph jobGraph, Duration timeout) {
        expireResults();
        JobID jobId = jobGraph.getJobID();
        if (runningJobs.containsKey(jobId) || finishedJobs.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new DuplicateJobSubmissionException(jobId, runningJobs.containsKey(jobId)));
        }
        try {
            jobGraph.validate();
        } catch (InvalidJobGraphException e) {
            log.info("Rejected job '{}' ({}): {}", jobGraph.getName(), jobId, e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        JobMaster jobMaster;
        try {
            jobMaster = jobMasterFactory.apply(jobGraph);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Could not start a JobMaster for job '" + jobGraph.getName() + "' (" + jobId + "): " + e, e));
        }
        RunningJob running = new RunningJob(jobGraph, jobMaster, System.currentTimeMillis());
        runningJobs.put(jobId, running);
        log.info("Received job '{}' ({}); starting its JobMaster.", jobGraph.getName(), jobId);
        jobMaster.getResultFuture().whenComplete((result, failure) -> runAsync(() -> jobEnded(running, result, failure)));
        jobMaster.start();
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    private void jobEnded(RunningJob running, JobResult result, Throwable failure) {
        JobID jobId = running.jobGraph.getJobID();
        runningJobs.remove(jobId);
        JobResult finalResult = result != null ? result : new JobResult(jobId, running.jobGraph.getName(),
                JobStatus.FAILED, failure, System.currentTimeMillis() - running.startTime);
        long endTime = System.currentTimeMillis();
        ArchivedExecutionGraph archive = running.jobMaster.getFinalExecutionGraph();
        if (archive == null) {
            archive = ArchivedExecutionGraph.ofUnstartedJob(running.jobGraph, finalResult.getJobStatus(),
                    finalResult.getFailureCause(), running.startTime, endTime);
        }
        finishedJobs.put(jobId, new FinishedJob(finalResult, archive, running.startTime, endTime));
        while (finishedJobs.size() > maxFinishedJobs) {
            // the oldest finished job makes room ('jobstore.max-capacity')
            finishedJobs.remove(finishedJobs.keySet().iterator().next());
        }
        // the result expires even if nobody asks for jobs again
        scheduleRunAsync(this::expireResults, Duration.ofMillis(resultExpirationMillis + 1));
        running.resultWaiters.forEach(waiter -> waiter.complete(finalResult));
        running.jobMaster.closeAsync();
        log.info("Job '{}' ({}) ended {}.", running.jobGraph.getName(), jobId, finalResult.getJobStatus());
    }

    @Override
    public CompletableFuture<Collection<JobStatusMessage>> listJobs(Duration timeout) {
        expireResults();
        List<CompletableFuture<JobStatusMessage>> statuses = new ArrayList<>();
        for (RunningJob job : runningJobs.values()) {
            statuses.add(job.jobMaster.requestJobStatus().thenApply(status -> new JobStatusMessage(
                    job.jobGraph.getJobID(), job.jobGraph.getName(), status, job.startTime)));
        }
        List<JobStatusMessage> finished = new ArrayList<>();
        for (FinishedJob job : finishedJobs.values()) {
            finished.add(new JobStatusMessage(job.result.getJobId(), job.result.getJobName(),
                    job.result.getJobStatus(), job.startTime));
        }
        return CompletableFuture.allOf(statuses.toArray(new CompletableFuture<?>[0])).thenApply(ignored -> {
            List<JobStatusMessage> all = new ArrayList<>(finished);
            statuses.forEach(status -> all.add(status.join()));
            return all;
        });
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId, Duration timeout) {
        expireResults();
        RunningJob running = runningJobs.get(jobId);
        if (running != null) {
            return running.jobMaster.requestJobStatus();
        }
        FinishedJob finished = finishedJobs.get(jobId);
        return finished != null ? CompletableFuture.completedFuture(finished.result.getJobStatus())
                : CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<ArchivedExecutionGraph> requestJob(JobID jobId, Duration timeout) {
        expireResults();
        RunningJob running = runningJobs.get(jobId);
        if (running != null) {
            return running.jobMaster.requestJob();
        }
        FinishedJob finished = finishedJobs.get(jobId);
        return finished != null ? CompletableFuture.completedFuture(finished.executionGraph)
                : CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<Collection<ArchivedExecutionGraph>> requestJobs(Duration timeout) {
        expireResults();
        List<CompletableFuture<ArchivedExecutionGraph>> running = new ArrayList<>();
        for (RunningJob job : runningJobs.values()) {
            running.add(job.jobMaster.requestJob());
        }
        List<ArchivedExecutionGraph> finished = new ArrayList<>();
        for (FinishedJob job : finishedJobs.values()) {
            finished.add(job.executionGraph);
        }
        return CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0])).thenApply(ignored -> {
            List<ArchivedExecutionGraph> all = new ArrayList<>(finished);
            running.forEach(job -> all.add(job.join()));
            return all;
        });
    }

    @Override
    public CompletableFuture<Acknowledge> cancelJob(JobID jobId, Duration timeout) {
        RunningJob running = runningJobs.get(jobId);
        if (running == null) {
            return CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
        }
        log.info("Cancelling job '{}' ({}).", running.jobGraph.getName(), jobId);
        return running.jobMaster.cancel();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob,
            Duration timeout) {
        RunningJob running = runningJobs.get(jobId);
        if (running == null) {
            return CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
        }
        log.info("Triggering a savepoint of job '{}' ({}){}.", running.jobGraph.getName(), jobId,
                cancelJob ? ", then stopping it" : "");
        return running.jobMaster.triggerSavepoint(targetDirectory, cancelJob);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobID jobId, String targetDirectory, boolean drain,
            Duration timeout) {
        RunningJob running = runningJobs.get(jobId);
        if (running == null) {
            return CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
        }
        return running.jobMaster.stopWithSavepoint(targetDirectory, drain);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId, Duration timeout) {
        expireResults();
        RunningJob running = runningJobs.get(jobId);
        if (running != null) {
            CompletableFuture<JobResult> waiter = new CompletableFuture<>();
            running.resultWaiters.add(waiter);
            return waiter;
        }
        FinishedJob finished = finishedJobs.get(jobId);
        return finished != null ? CompletableFuture.completedFuture(finished.result)
                : CompletableFuture.failedFuture(new FlinkJobNotFoundException(jobId));
    }

    /** Drops the finished jobs kept longer than {@code jobstore.expiration-time}. */
    private void expireResults() {
        long now = System.currentTimeMillis();
        finishedJobs.values().removeIf(job -> {
            boolean expired = now - job.endTime > resultExpirationMillis;
            if (expired) {
                log.debug("Forgetting finished job {} ('{}' expired).", job.result.getJobId(),
                        JobManagerOptions.JOB_STORE_EXPIRATION_TIME.key());
            }
            return expired;
        });
    }

    private static final class RunningJob {
        final JobGraph jobGraph;
        final JobMaster jobMaster;
        final long startTime;
        final List<CompletableFuture<JobResult>> resultWaiters = new ArrayList<>();

        RunningJob(JobGraph jobGraph, JobMaster jobMaster, long startTime) {
            this.jobGraph = jobGraph;
            this.jobMaster = jobMaster;
            this.startTime = startTime;
        }
    }

    private static final class FinishedJob {
        final JobResult result;
        final ArchivedExecutionGraph executionGraph;
        final long startTime;
        final long endTime;

        FinishedJob(JobResult result, ArchivedExecutionGraph executionGraph, long startTime, long endTime) {
            this.result = result;
            this.executionGraph = executionGraph;
            this.startTime = startTime;
            this.endTime = endTime;
        }
    }
}

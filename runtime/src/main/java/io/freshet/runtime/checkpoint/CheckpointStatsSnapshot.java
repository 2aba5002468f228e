package io.freshet.runtime.checkpoint;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The checkpoint statistics of a job as the REST API shows them ({@code /jobs/:jobid/checkpoints} and
 * {@code /checkpoints/config}): the settings, counts, the latest completed, failed and restored checkpoints and a
 * short history. Immutable; {@link Tracker} builds it on the JobMaster's main thread.
 */
public final class CheckpointStatsSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The history keeps this many checkpoints, newest first. */
    public static final int HISTORY_SIZE = 10;

    /** The job's checkpoint settings. */
    public static final class Settings implements Serializable {
        private static final long serialVersionUID = 1L;
        public final boolean exactlyOnce;
        public final long interval;
        public final long timeout;
        public final long minPause;
        public final int maxConcurrent;
        public final int tolerableFailures;
        public final boolean unaligned;
        public final String retention;
        public final String storage;

        public Settings(boolean exactlyOnce, long interval, long timeout, long minPause, int maxConcurrent,
                int tolerableFailures, boolean unaligned, String retention, String storage) {
            this.exactlyOnce = exactlyOnce;
            this.interval = interval;
            this.timeout = timeout;
            this.minPause = minPause;
            this.maxConcurrent = maxConcurrent;
            this.tolerableFailures = tolerableFailures;
            this.unaligned = unaligned;
            this.retention = retention;
            this.storage = storage;
        }
    }

    /** One checkpoint: in progress, completed or failed. */
    public static final class Stats implements Serializable {
        private static final long serialVersionUID = 1L;
        public final long id;
        public final String status;
        public final long triggerTimestamp;
        public final long latestAckTimestamp;
        public final long stateSize;
        public final int numSubtasks;
        public final int numAcknowledged;
        public final String externalPath;
        public final String failureMessage;

        Stats(long id, String status, long triggerTimestamp, long latestAckTimestamp, long stateSize, int numSubtasks,
                int numAcknowledged, String externalPath, String failureMessage) {
            this.id = id;
            this.status = status;
            this.triggerTimestamp = triggerTimestamp;
            this.latestAckTimestamp = latestAckTimestamp;
            this.stateSize = stateSize;
            this.numSubtasks = numSubtasks;
            this.numAcknowledged = numAcknowledged;
            this.externalPath = externalPath;
            this.failureMessage = failureMessage;
        }

        public long getEndToEndDuration() {
            return latestAckTimestamp <= 0 ? 0 : latestAckTimestamp - triggerTimestamp;
        }
    }

    /** A restore: which checkpoint, when. */
    public static final class Restore implements Serializable {
        private static final long serialVersionUID = 1L;
        public final long id;
        public final long restoreTimestamp;
        public final String externalPath;

        Restore(long id, long restoreTimestamp, String externalPath) {
            this.id = id;
            this.restoreTimestamp = restoreTimestamp;
            this.externalPath = externalPath;
        }
    }

    public final Settings settings;
    public final int completed;
    public final int failed;
    public final int inProgress;
    public final int restored;
    public final Stats latestCompleted;
    public final Stats latestFailed;
    public final Restore latestRestore;
    public final List<Stats> history;

    private CheckpointStatsSnapshot(Settings settings, int completed, int failed, int inProgress, int restored,
            Stats latestCompleted, Stats latestFailed, Restore latestRestore, List<Stats> history) {
        this.settings = settings;
        this.completed = completed;
        this.failed = failed;
        this.inProgress = inProgress;
        this.restored = restored;
        this.latestCompleted = latestCompleted;
        this.latestFailed = latestFailed;
        this.latestRestore = latestRestore;
        this.history = List.copyOf(history);
    }

    /** Keeps the statistics up to date; JobMaster main thread only. */
    public static final class Tracker {
        private final Settings settings;
        private final java.util.Map<Long, Stats> pending = new java.util.LinkedHashMap<>();
        private final Deque<Stats> history = new ArrayDeque<>();
        private int completed;
        private int failed;
        private int restored;
        private Stats latestCompleted;
        private Stats latestFailed;
        private Restore latestRestore;
        private volatile CheckpointStatsSnapshot snapshot;

        public Tracker(Settings settings) {
            this.settings = settings;
            publish();
        }

        void triggered(long id, long timestamp, int numSubtasks) {
            pending.put(id, new Stats(id, "IN_PROGRESS", timestamp, 0, 0, numSubtasks, 0, null, null));
            publish();
        }

        void acknowledged(long id, long stateSize) {
            Stats stats = pending.get(id);
            if (stats != null) {
                pending.put(id, new Stats(id, stats.status, stats.triggerTimestamp, System.currentTimeMillis(),
                        stats.stateSize + stateSize, stats.numSubtasks, stats.numAcknowledged + 1, null, null));
                publish();
            }
        }

        void completed(CompletedCheckpoint checkpoint) {
            Stats stats = pending.remove(checkpoint.getCheckpointID());
            int subtasks = stats == null ? 0 : stats.numSubtasks;
            Stats done = new Stats(checkpoint.getCheckpointID(), "COMPLETED", checkpoint.getTimestamp(),
                    checkpoint.getCompletionTimestamp(), checkpoint.getStateSize(), subtasks, subtasks,
                    checkpoint.getExternalPointer(), null);
            completed++;
            latestCompleted = done;
            remember(done);
        }

        void failed(long id, String message) {
            Stats stats = pending.remove(id);
            if (stats == null) {
                return;
            }
            Stats done = new Stats(id, "FAILED", stats.triggerTimestamp, stats.latestAckTimestamp, stats.stateSize,
                    stats.numSubtasks, stats.numAcknowledged, null, message);
            failed++;
            latestFailed = done;
            remember(done);
        }

        /** A savepoint is done: it leaves the checkpoints in progress (savepoints are not counted). */
        void savepointDone(long id) {
            if (pending.remove(id) != null) {
                publish();
            }
        }

        void restored(long id, String externalPath) {
            restored++;
            latestRestore = new Restore(id, System.currentTimeMillis(), externalPath);
            publish();
        }

        private void remember(Stats stats) {
            history.addFirst(stats);
            while (history.size() > HISTORY_SIZE) {
                history.removeLast();
            }
            publish();
        }

        private void publish() {
            List<Stats> all = new ArrayList<>(pending.values());
            java.util.Collections.reverse(all);
            all.addAll(history);
            snapshot = new CheckpointStatsSnapshot(settings, completed, failed, pending.size(), restored,
                    latestCompleted, latestFailed, latestRestore, all.subList(0, Math.min(all.size(), HISTORY_SIZE)));
        }

        /** The statistics as they are now (any thread). */
        public CheckpointStatsSnapshot snapshot() {
            return snapshot;
        }
    }
}

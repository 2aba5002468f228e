package io.freshet.runtime.jobgraph;

import java.io.Serializable;
import java.util.Objects;

/**
 * Whether a job starts from a savepoint, and from which. A placeholder until savepoints exist: it carries the path
 * and the {@code allowNonRestoredState} flag ({@code bin/flink run -s <path> -n}) through the job graph. Immutable.
 */
public final class SavepointRestoreSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final SavepointRestoreSettings NONE = new SavepointRestoreSettings(null, false);

    private final String restorePath;
    private final boolean allowNonRestoredState;

    private SavepointRestoreSettings(String restorePath, boolean allowNonRestoredState) {
        this.restorePath = restorePath;
        this.allowNonRestoredState = allowNonRestoredState;
    }

    /** Settings for a job that starts without a savepoint. */
    public static SavepointRestoreSettings none() {
        return NONE;
    }

    /** Settings to restore from {@code savepointPath}, failing if some savepoint state has no operator. */
    public static SavepointRestoreSettings forPath(String savepointPath) {
        return forPath(savepointPath, false);
    }

    /** Settings to restore from {@code savepointPath}, optionally skipping state that has no operator. */
    public static SavepointRestoreSettings forPath(String savepointPath, boolean allowNonRestoredState) {
        Objects.requireNonNull(savepointPath, "savepointPath");
        return new SavepointRestoreSettings(savepointPath, allowNonRestoredState);
    }

    /** Returns whether the job restores from a savepoint. */
    public boolean restoreSavepoint() {
        return restorePath != null;
    }

    /** Returns the savepoint path, or null when {@link #restoreSavepoint()} is false. */
    public String getRestorePath() {
        return restorePath;
    }

    public boolean allowNonRestoredState() {
        return allowNonRestoredState;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof SavepointRestoreSettings)) {
            return false;
        }
        SavepointRestoreSettings other = (SavepointRestoreSettings) obj;
        return allowNonRestoredState == other.allowNonRestoredState
                && Objects.equals(restorePath, other.restorePath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(restorePath, allowNonRestoredState);
    }

    @Override
    public String toString() {
        return restoreSavepoint()
                ? "SavepointRestoreSettings.forPath(restorePath='" + restorePath + "', allowNonRestoredState="
                        + allowNonRestoredState + ")"
                : "SavepointRestoreSettings.none()";
    }
}

package io.freshet.api.connector.source;

import java.io.Serializable;

/** A registered reader: its subtask and the host it runs on. */
public final class ReaderInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int subtaskId;
    private final String location;

    public ReaderInfo(int subtaskId, String location) {
        this.subtaskId = subtaskId;
        this.location = location;
    }

    public int getSubtaskId() {
        return subtaskId;
    }

    public String getLocation() {
        return location;
    }
}

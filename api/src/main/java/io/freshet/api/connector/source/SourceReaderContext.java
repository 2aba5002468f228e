package io.freshet.api.connector.source;

import io.freshet.configuration.Configuration;
import io.freshet.util.UserCodeClassLoader;

/** What a reader knows of its environment and how it talks to its enumerator. */
public interface SourceReaderContext {

    Configuration getConfiguration();

    String getLocalHostName();

    int getIndexOfSubtask();

    /** Asks the enumerator for a split (it answers with an assignment, or with no more splits). */
    void sendSplitRequest();

    void sendSourceEventToCoordinator(SourceEvent sourceEvent);

    UserCodeClassLoader getUserCodeClassLoader();

    default int currentParallelism() {
        throw new UnsupportedOperationException();
    }
}

package io.freshet.runtime.leaderretrieval;

/**
 * Finds the leader of one component (ResourceManager, Dispatcher, the JobMaster of a job) and tells a listener
 * about every change. Standalone clusters have a fixed leader; the ZooKeeper implementation follows elections.
 */
public interface LeaderRetrievalService {

    /** Starts retrieval; the listener hears about the current leader (if any) and every later change. */
    void start(LeaderRetrievalListener listener) throws Exception;

    void stop() throws Exception;
}

package io.freshet.api.connector.sink2;

/** What a {@link Committer} is created with. */
public interface CommitterInitContext extends InitContext {}

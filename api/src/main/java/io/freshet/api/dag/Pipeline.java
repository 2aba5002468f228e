package io.freshet.api.dag;

/**
 * What a program hands to an executor to run: a streaming program's graph of transformations, a batch plan, or a
 * ready JobGraph. Executors translate it into the runtime's JobGraph.
 */
public interface Pipeline {}

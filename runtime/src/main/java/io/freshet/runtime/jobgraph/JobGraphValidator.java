package io.freshet.runtime.jobgraph;

/** The checks behind {@link JobGraph#validate()}. */
final class JobGraphValidator {

    private JobGraphValidator() {}

    static void validate(JobGraph graph) {
        if (graph.getNumberOfVertices() == 0) {
            throw invalid(graph, "has no vertices. Add at least one JobVertex before submitting it.");
        }
        for (JobVertex vertex : graph.getVertices()) {
            checkVertex(graph, vertex);
        }
        for (JobVertex vertex : graph.getVertices()) {
            checkEdges(graph, vertex);
        }
        graph.getVerticesSortedTopologicallyFromSources(); // throws on a cycle
    }

    private static void checkVertex(JobGraph graph, JobVertex vertex) {
        String className = vertex.getInvokableClassName();
        if (className == null || className.isBlank()) {
            throw invalid(graph, "vertex " + vertex.describe() + " has no invokable class. Call"
                    + " setInvokableClassName with the task class (from the job's jars) that runs this vertex.");
        }
        int maxParallelism = vertex.getMaxParallelism();
        if (maxParallelism != JobVertex.MAX_PARALLELISM_DEFAULT
                && (maxParallelism < 1 || maxParallelism > JobVertex.UPPER_BOUND_MAX_PARALLELISM)) {
            throw invalid(graph, "vertex " + vertex.describe() + " has max parallelism " + maxParallelism
                    + ". Set a max parallelism between 1 and " + JobVertex.UPPER_BOUND_MAX_PARALLELISM
                    + ", or leave it unset (" + JobVertex.MAX_PARALLELISM_DEFAULT + ") to have it derived.");
        }
        int parallelism = vertex.getParallelism();
        int effectiveMax = vertex.getEffectiveMaxParallelism();
        if (parallelism < 1 || parallelism > effectiveMax) {
            throw invalid(graph, "vertex " + vertex.describe() + " has parallelism " + parallelism
                    + ". Set a parallelism between 1 and its max parallelism " + effectiveMax
                    + (parallelism > effectiveMax ? ", or raise the max parallelism." : "."));
        }
    }

    private static void checkEdges(JobGraph graph, JobVertex vertex) {
        for (JobEdge input : vertex.getInputs()) {
            JobVertex producer = input.getSource().getProducer();
            if (!graph.containsVertex(producer)) {
                throw invalid(graph, "vertex " + vertex.describe() + " reads data set " + input.getSourceId()
                        + " of vertex " + producer.describe() + ", which is not in the job graph. Add the"
                        + " producer with addVertex, or remove the edge.");
            }
        }
        for (IntermediateDataSet result : vertex.getProducedDataSets()) {
            for (JobEdge consumer : result.getConsumers()) {
                JobVertex target = consumer.getTarget();
                if (!graph.containsVertex(target)) {
                    throw invalid(graph, "data set " + result.getId() + " of vertex " + vertex.describe()
                            + " is read by vertex " + target.describe() + ", which is not in the job graph."
                            + " Add the consumer with addVertex, or remove the edge.");
                }
            }
        }
    }

    private static InvalidJobGraphException invalid(JobGraph graph, String problem) {
        return new InvalidJobGraphException("Invalid job graph: " + graph.describeJob() + " " + problem);
    }
}

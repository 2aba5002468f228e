package io.freshet.runtime.executiongraph;

/**
 * The rule of {@link io.freshet.runtime.jobgraph.DistributionPattern#POINTWISE} edges, in one place: with
 * {@code p} producers and {@code c} consumers, if {@code p >= c} consumer {@code j} reads producers
 * {@code [j*p/c, (j+1)*p/c)}, each through that producer's only subpartition; if {@code p < c} producer
 * {@code i} feeds consumers {@code [i*c/p, (i+1)*c/p)}, consumer {@code start + k} through subpartition {@code k}.
 */
public final class PointwiseMapping {

    private PointwiseMapping() {}

    /** The first producer consumer {@code j} reads (inclusive). */
    public static int firstProducer(int producers, int consumers, int consumer) {
        if (producers >= consumers) {
            return (int) ((long) consumer * producers / consumers);
        }
        return producerFeeding(producers, consumers, consumer);
    }

    /** The last producer consumer {@code j} reads (exclusive). */
    public static int endProducer(int producers, int consumers, int consumer) {
        if (producers >= consumers) {
            return (int) ((long) (consumer + 1) * producers / consumers);
        }
        return producerFeeding(producers, consumers, consumer) + 1;
    }

    /** How many subpartitions (consumers) producer {@code i} has. */
    public static int numberOfSubpartitions(int producers, int consumers, int producer) {
        if (producers >= consumers) {
            return 1;
        }
        return firstConsumer(producers, consumers, producer + 1) - firstConsumer(producers, consumers, producer);
    }

    /** The subpartition of producer {@code producer} that consumer {@code consumer} reads. */
    public static int subpartitionFor(int producers, int consumers, int producer, int consumer) {
        if (producers >= consumers) {
            return 0;
        }
        return consumer - firstConsumer(producers, consumers, producer);
    }

    private static int firstConsumer(int producers, int consumers, int producer) {
        return (int) ((long) producer * consumers / producers);
    }

    private static int producerFeeding(int producers, int consumers, int consumer) {
        // the producer i with firstConsumer(i) <= consumer < firstConsumer(i + 1)
        int i = (int) ((long) consumer * producers / consumers);
        while (i + 1 < producers && firstConsumer(producers, consumers, i + 1) <= consumer) {
            i++;
        }
        while (i > 0 && firstConsumer(producers, consumers, i) > consumer) {
            i--;
        }
        return i;
    }
}

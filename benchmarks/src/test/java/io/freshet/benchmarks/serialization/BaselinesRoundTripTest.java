package io.freshet.benchmarks.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.typeutils.GenericTypeInfo;
import io.freshet.api.java.typeutils.PojoTypeInfo;

/**
 * The benchmark compares like with like only if every contender really round-trips the records: this checks the
 * hand-written baselines decode what they encode, and that Freshet picks the serializers the benchmark claims
 * (tuple, POJO, Kryo).
 */
class BaselinesRoundTripTest {

    @Test
    void handWrittenCodecsRoundTripEveryRecord() {
        HandWrittenCodecs.Buffer buffer = new HandWrittenCodecs.Buffer();
        List<Tuple2<String, Integer>> words = Records.wordCounts(100);
        List<Records.Order> orders = Records.orders(100);
        List<Records.Reading> readings = Records.readings(100);
        List<Tuple2<Long, Long>> pairs = Records.longPairs(100);

        for (int i = 0; i < 100; i++) {
            HandWrittenCodecs.writeWordCount(words.get(i), buffer);
            HandWrittenCodecs.writeOrder(orders.get(i), buffer);
            HandWrittenCodecs.writeReading(readings.get(i), buffer);
            HandWrittenCodecs.writeLongPair(pairs.get(i), buffer);
        }
        buffer.flip();
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            assertThat(HandWrittenCodecs.readWordCount(buffer)).isEqualTo(words.get(i));
            assertThat(HandWrittenCodecs.readOrder(buffer)).isEqualTo(orders.get(i));
            assertThat(HandWrittenCodecs.readReading(buffer)).isEqualTo(readings.get(i));
            decoded.add(HandWrittenCodecs.readLongPair(buffer));
        }
        assertThat(decoded).isEqualTo(new ArrayList<Object>(pairs));
    }

    @Test
    void freshetTreatsTheRecordsAsTheBenchmarkSays() {
        assertThat(TypeInformation.of(Records.Order.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(Records.Reading.class)).isInstanceOf(GenericTypeInfo.class);
    }

    @Test
    void everyBenchmarkMethodRunsOnTheBenchmarkData() throws Exception {
        SerializerRoundTripBenchmark benchmark = new SerializerRoundTripBenchmark();
        benchmark.setUp();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

        benchmark.wordCountFreshet(bh);
        benchmark.wordCountHandWritten(bh);
        benchmark.wordCountKryo(bh);
        benchmark.longPairFreshet(bh);
        benchmark.longPairHandWritten(bh);
        benchmark.longPairKryo(bh);
        benchmark.pojoFreshet(bh);
        benchmark.pojoHandWritten(bh);
        benchmark.pojoKryo(bh);
        benchmark.genericFreshet(bh);
        benchmark.genericHandWritten(bh);
        benchmark.genericKryo(bh);
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}

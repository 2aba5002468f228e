package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.configuration.Configuration;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.BroadcastStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.co.BroadcastProcessFunction;
import io.freshet.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.util.Collector;

/** Broadcast state on the embedded MiniCluster: non-keyed and keyed broadcast process functions. */
class BroadcastStateITCase {

    static final MapStateDescriptor<String, Integer> RATES = new MapStateDescriptor<>("rates", Types.STRING,
            Types.INT);

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    /** Every parallel instance sees every broadcast element and keeps the state; the other side reads it. */
    static final class Rates extends BroadcastProcessFunction<String, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String currency, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer rate = ctx.getBroadcastState(RATES).get(currency);
            out.collect(currency + "=" + rate);
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Integer> rate, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(RATES).put(rate.f0, rate.f1);
            out.collect("instance " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + " learned "
                    + rate.f0);
        }
    }

    @Test
    void everyInstanceReceivesEveryBroadcastElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();
        BroadcastStream<Tuple2<String, Integer>> rates = env.fromElements(Tuple2.of("EUR", 1), Tuple2.of("USD", 2))
                .broadcast(RATES);
        env.fromElements("EUR").connect(rates).process(new Rates()).addSink(sink);
        env.execute("broadcast");

        assertThat(sink.results()).filteredOn(line -> line.startsWith("instance")).containsExactlyInAnyOrder(
                "instance 0 learned EUR", "instance 0 learned USD", "instance 1 learned EUR", "instance 1 learned USD");
        assertThat(sink.results()).filteredOn(line -> line.startsWith("EUR=")).hasSize(1);
    }

    @Test
    void inBatchModeANonKeyedBroadcastFunctionReadsTheBroadcastSideFirst() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        CollectSink<String> sink = sink();
        BroadcastStream<Tuple2<String, Integer>> rates = env.fromElements(Tuple2.of("EUR", 1), Tuple2.of("USD", 2))
                .broadcast(RATES);
        env.fromElements("EUR", "USD", "EUR").connect(rates).process(new Rates()).addSink(sink);
        env.execute("batch broadcast");

        assertThat(sink.results()).filteredOn(line -> !line.startsWith("instance"))
                .containsExactlyInAnyOrder("EUR=1", "USD=2", "EUR=1");
    }

    @Test
    void inBatchModeTheBroadcastSideComesFirstSoKeyedRecordsSeeTheWholeState() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        CollectSink<String> sink = sink();
        BroadcastStream<Tuple2<String, Integer>> rates = env.fromElements(Tuple2.of("EUR", 1), Tuple2.of("USD", 2))
                .broadcast(RATES);
        env.fromElements(Tuple2.of("alice", "EUR"), Tuple2.of("bob", "USD"), Tuple2.of("alice", "USD"))
                .keyBy(payment -> payment.f0)
                .connect(rates)
                .process(new KeyedBroadcastProcessFunction<String, Tuple2<String, String>, Tuple2<String, Integer>,
                        String>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(Tuple2<String, String> payment, ReadOnlyContext ctx,
                            Collector<String> out) throws Exception {
                        out.collect(ctx.getCurrentKey() + " pays " + payment.f1 + " at "
                                + ctx.getBroadcastState(RATES).get(payment.f1));
                    }

                    @Override
                    public void processBroadcastElement(Tuple2<String, Integer> rate, Context ctx,
                            Collector<String> out) throws Exception {
                        ctx.getBroadcastState(RATES).put(rate.f0, rate.f1);
                    }
                })
                .addSink(sink);
        env.execute("batch keyed broadcast");

        assertThat(sink.results()).containsExactlyInAnyOrder("alice pays EUR at 1", "bob pays USD at 2",
                "alice pays USD at 2");
    }

    /** Counted down by the keyed side; the broadcast source waits for it before it asks for a report. */
    static volatile CountDownLatch keyedSeen;

    /** Emits "report" once the keyed side has seen every record. */
    static final class ReportRequest implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            if (keyedSeen.await(30, TimeUnit.SECONDS)) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect("report");
                }
            }
        }

        @Override
        public void cancel() {}
    }

    static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", Integer.class);

    @Test
    void aBroadcastElementVisitsTheStateOfEveryKeyOfItsInstance() throws Exception {
        keyedSeen = new CountDownLatch(4);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();
        BroadcastStream<String> requests = env.addSource(new ReportRequest()).broadcast(RATES);
        env.fromElements("a", "b", "a", "c")
                .keyBy(user -> user)
                .connect(requests)
                .process(new KeyedBroadcastProcessFunction<String, String, String, String>() {
                    private static final long serialVersionUID = 1L;
                    private transient ValueState<Integer> count;

                    @Override
                    public void open(Configuration parameters) {
                        count = getRuntimeContext().getState(COUNT);
                    }

                    @Override
                    public void processElement(String user, ReadOnlyContext ctx, Collector<String> out)
                            throws Exception {
                        count.update(count.value() == null ? 1 : count.value() + 1);
                        keyedSeen.countDown();
                    }

                    @Override
                    public void processBroadcastElement(String request, Context ctx, Collector<String> out)
                            throws Exception {
                        ctx.applyToKeyedState(COUNT, (user, state) -> out.collect(user + "=" + state.value()));
                    }
                })
                .addSink(sink);
        env.execute("visit every key");

        // each instance reports the keys it holds; together they are every key once
        assertThat(sink.results()).containsExactlyInAnyOrder("a=2", "b=1", "c=1");
    }

    @Test
    void misuseIsRefusedWithAClearMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        BroadcastStream<Tuple2<String, Integer>> rates = env.fromElements(Tuple2.of("EUR", 1)).broadcast(RATES);
        assertThatThrownBy(() -> env.fromElements("x").connect(rates)
                .process(new KeyedBroadcastProcessFunction<String, String, Tuple2<String, Integer>, String>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

                    @Override
                    public void processBroadcastElement(Tuple2<String, Integer> value, Context ctx,
                            Collector<String> out) {}
                })).hasMessageContaining("can only be used on a keyed stream");
        assertThatThrownBy(() -> env.fromElements("x").broadcast(new MapStateDescriptor<?, ?>[0]))
                .hasMessageContaining("at least one MapStateDescriptor");

        MapStateDescriptor<String, Integer> undeclared = new MapStateDescriptor<>("typo", Types.STRING, Types.INT);
        StreamExecutionEnvironment failing = StreamExecutionEnvironment.createLocalEnvironment(1);
        failing.fromElements("x").connect(failing.fromElements(Tuple2.of("EUR", 1)).broadcast(RATES))
                .process(new BroadcastProcessFunction<String, Tuple2<String, Integer>, String>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out)
                            throws Exception {
                        ctx.getBroadcastState(undeclared).get(value);
                    }

                    @Override
                    public void processBroadcastElement(Tuple2<String, Integer> value, Context ctx,
                            Collector<String> out) throws Exception {
                        ctx.getBroadcastState(undeclared).put(value.f0, value.f1);
                    }
                }).addSink(sink());
        // the failing task's exception is the job's root cause, not another task's reaction to it
        assertThatThrownBy(() -> failing.execute("typo")).isInstanceOf(
                io.freshet.runtime.client.JobExecutionException.class).hasMessageContaining("ended FAILED")
                .cause().hasMessageContaining("'typo' does not exist").hasMessageContaining("[rates]");
    }
}

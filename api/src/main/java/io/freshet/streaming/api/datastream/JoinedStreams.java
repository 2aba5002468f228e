package io.freshet.streaming.api.datastream;

import java.time.Duration;
import java.util.Objects;

import io.freshet.api.common.functions.CoGroupFunction;
import io.freshet.api.common.functions.FlatJoinFunction;
import io.freshet.api.common.functions.JoinFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.datastream.CoGroupedStreams.TaggedUnion;
import io.freshet.streaming.api.windowing.assigners.WindowAssigner;
import io.freshet.streaming.api.windowing.evictors.Evictor;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/**
 * Two streams joined by key within windows ({@code first.join(second).where(key1).equalTo(key2).window(assigner)
 * .apply(joinFunction)}): per key and window, the function gets every pair of a record of the first input and one
 * of the second (an inner join: a window with records of one side only emits nothing). It is a
 * {@linkplain CoGroupedStreams coGroup} that pairs the two sides: for each record of the first input, in arrival
 * order, each record of the second.
 *
 * @param <T1> the records of the first input
 * @param <T2> the records of the second input
 */
public class JoinedStreams<T1, T2> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "the first input of join");
        this.input2 = Objects.requireNonNull(input2, "the second input of join");
    }

    /** The key of the first input. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        Objects.requireNonNull(keySelector, "the KeySelector of where(...)");
        return where(keySelector, TypeExtractor.getKeySelectorTypes(keySelector, input1.getType(),
                DataStream.functionName(keySelector), false));
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        Objects.requireNonNull(keySelector, "the KeySelector of where(...)");
        return new Where<>(input1.getExecutionEnvironment().clean(keySelector),
                Objects.requireNonNull(keyType, "the key type of where(...)"));
    }

    /** The first input's key, waiting for the second's. */
    public class Where<KEY> {

        private final KeySelector<T1, KEY> keySelector1;
        private final TypeInformation<KEY> keyType;

        Where(KeySelector<T1, KEY> keySelector1, TypeInformation<KEY> keyType) {
            this.keySelector1 = keySelector1;
            this.keyType = keyType;
        }

        /** The key of the second input; it must have the type of the first's. */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            Objects.requireNonNull(keySelector, "the KeySelector of equalTo(...)");
            return equalTo(keySelector, TypeExtractor.getKeySelectorTypes(keySelector, input2.getType(),
                    DataStream.functionName(keySelector), false));
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            Objects.requireNonNull(keySelector, "the KeySelector of equalTo(...)");
            CoGroupedStreams.checkSameKeyType(this.keyType, keyType);
            return new EqualTo(input2.getExecutionEnvironment().clean(keySelector));
        }

        /** Both keys, waiting for the window. */
        public class EqualTo {

            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /** The windows in which records of both inputs with one key are paired. */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                Objects.requireNonNull(assigner, "the WindowAssigner of window(...)");
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, assigner,
                        assigner.getDefaultTrigger(), null, (Duration) null);
            }
        }
    }

    /**
     * Keys and windows are set: the trigger, evictor and lateness may still change (each call returns a new
     * instance), then {@code apply} adds the operator.
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {

        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGrouped;

        @Deprecated
        protected WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2, TypeInformation<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner,
                Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger,
                Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor,
                io.freshet.streaming.api.windowing.time.Time allowedLateness) {
            this(input1, input2, keySelector1, keySelector2, keyType, windowAssigner, trigger, evictor,
                    allowedLateness == null ? null : allowedLateness.toDuration());
        }

        /** @param trigger null for the assigner's; evictor and allowedLateness null for none */
        protected WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2, TypeInformation<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner,
                Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger,
                Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor, Duration allowedLateness) {
            this(new CoGroupedStreams.WithWindow<>(input1, input2, keySelector1, keySelector2, keyType,
                    windowAssigner, trigger, evictor, allowedLateness));
        }

        private WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGrouped) {
            this.coGrouped = coGrouped;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            return new WithWindow<>(coGrouped.trigger(newTrigger));
        }

        /** Evicts records (of both inputs, tagged) from a window when it fires. */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            return new WithWindow<>(coGrouped.evictor(newEvictor));
        }

        @Deprecated
        public WithWindow<T1, T2, KEY, W> allowedLateness(io.freshet.streaming.api.windowing.time.Time newLateness) {
            return new WithWindow<>(coGrouped.allowedLateness(newLateness));
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            return new WithWindow<>(coGrouped.allowedLateness(newLateness));
        }

        /** Emits {@code function(first, second)} for each pair; the result type is read from the function. */
        public <T> DataStream<T> apply(JoinFunction<T1, T2, T> function) {
            return with(function);
        }

        public <T> DataStream<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return with(function, resultType);
        }

        /** Lets {@code function} emit any number of records per pair. */
        public <T> DataStream<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return with(function);
        }

        public <T> DataStream<T> apply(FlatJoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return with(function, resultType);
        }

        /** @deprecated as in Flink; use {@link #apply(JoinFunction, TypeInformation)} */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function) {
            return with(function, coGrouped.resultType(function, JoinFunction.class));
        }

        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            JoinFunction<T1, T2, T> cleaned = clean(function);
            return coGrouped.build("Join", new PairsJoined<>((first, second, out) -> out.collect(cleaned.join(first,
                    second))), cleaned, resultType);
        }

        /** @deprecated as in Flink; use {@link #apply(FlatJoinFunction, TypeInformation)} */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function) {
            return with(function, coGrouped.resultType(function, FlatJoinFunction.class));
        }

        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            FlatJoinFunction<T1, T2, T> cleaned = clean(function);
            return coGrouped.build("Join", new PairsJoined<>(cleaned), cleaned, resultType);
        }

        private <F> F clean(F function) {
            return coGrouped.environment().clean(function);
        }
    }

    /** The inner join of a window's two sides: every pair, first input's records outermost. */
    private static final class PairsJoined<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final FlatJoinFunction<T1, T2, T> join;

        PairsJoined(FlatJoinFunction<T1, T2, T> join) {
            this.join = join;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 left : first) {
                for (T2 right : second) {
                    join.join(left, right, out);
                }
            }
        }
    }
}

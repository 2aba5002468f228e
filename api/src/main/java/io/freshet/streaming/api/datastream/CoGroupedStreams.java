package io.freshet.streaming.api.datastream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.CoGroupFunction;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.MapFunction;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;
import io.freshet.streaming.api.functions.windowing.WindowFunction;
import io.freshet.streaming.api.windowing.assigners.WindowAssigner;
import io.freshet.streaming.api.windowing.evictors.Evictor;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.InternalWindowFunction;
import io.freshet.util.Collector;

/**
 * Two streams grouped by key and window together ({@code first.coGroup(second).where(key1).equalTo(key2)
 * .window(assigner).apply(coGroupFunction)}): per key and window, the function gets the records of both streams
 * that fell into it; either side may be empty.
 *
 * <p>Underneath, each input is tagged ({@link TaggedUnion}), the two are united and keyed by the key of their side,
 * and one window operator collects both sides' records; the window's trigger, evictor and allowed lateness apply
 * to the tagged records.
 *
 * @param <T1> the records of the first input
 * @param <T2> the records of the second input
 */
public class CoGroupedStreams<T1, T2> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "the first input of coGroup");
        this.input2 = Objects.requireNonNull(input2, "the second input of coGroup");
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
            checkSameKeyType(this.keyType, keyType);
            return new EqualTo(input2.getExecutionEnvironment().clean(keySelector));
        }

        /** Both keys, waiting for the window. */
        public class EqualTo {

            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /** The windows both inputs' records of a key are grouped into. */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                Objects.requireNonNull(assigner, "the WindowAssigner of window(...)");
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, assigner,
                        assigner.getDefaultTrigger(), null, (Duration) null);
            }
        }
    }

    static void checkSameKeyType(TypeInformation<?> first, TypeInformation<?> second) {
        if (!first.equals(second)) {
            throw new IllegalArgumentException("The keys of the two inputs must have one type, but where(...) gives "
                    + first + " and equalTo(...) gives " + second + ".");
        }
    }

    /**
     * Keys and windows are set: the trigger, evictor and lateness may still change (each call returns a new
     * instance), then {@code apply} adds the operator.
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {

        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;
        private final TypeInformation<KEY> keyType;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner;
        private final Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private final Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
        private final Duration allowedLateness;

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
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.keyType = keyType;
            this.windowAssigner = windowAssigner;
            this.trigger = trigger;
            this.evictor = evictor;
            if (allowedLateness != null && allowedLateness.isNegative()) {
                throw new IllegalArgumentException("The allowed lateness must not be negative: " + allowedLateness);
            }
            this.allowedLateness = allowedLateness;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, windowAssigner,
                    Objects.requireNonNull(newTrigger, "the Trigger of trigger(...)"), evictor, allowedLateness);
        }

        /** Evicts records (of both inputs, tagged) from a window when it fires. */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, windowAssigner, trigger,
                    Objects.requireNonNull(newEvictor, "the Evictor of evictor(...)"), allowedLateness);
        }

        @Deprecated
        public WithWindow<T1, T2, KEY, W> allowedLateness(io.freshet.streaming.api.windowing.time.Time newLateness) {
            return allowedLateness(newLateness.toDuration());
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, windowAssigner, trigger,
                    evictor, Objects.requireNonNull(newLateness, "the lateness of allowedLateness(...)"));
        }

        /** Runs {@code function} per key and window; the result type is read from the function's signature. */
        public <T> DataStream<T> apply(CoGroupFunction<T1, T2, T> function) {
            return with(function);
        }

        public <T> DataStream<T> apply(CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return with(function, resultType);
        }

        /**
         * As {@link #apply(CoGroupFunction)}, returning the operator (for {@code returns(...)} and settings).
         *
         * @deprecated as in Flink; use {@link #apply(CoGroupFunction, TypeInformation)}
         */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(CoGroupFunction<T1, T2, T> function) {
            return with(function, resultType(function, CoGroupFunction.class));
        }

        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(CoGroupFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            CoGroupFunction<T1, T2, T> cleaned = input1.getExecutionEnvironment().clean(function);
            return build("CoGroup", cleaned, cleaned, resultType);
        }

        /** The result type of a function on (T1, T2) at type argument 2, or a missing type naming it. */
        @SuppressWarnings("unchecked")
        <T> TypeInformation<T> resultType(Function function, Class<?> baseClass) {
            try {
                return (TypeInformation<T>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), 2,
                        input1.getType(), input2.getType());
            } catch (InvalidTypesException e) {
                return (TypeInformation<T>) new MissingTypeInfo(DataStream.functionName(function), e);
            }
        }

        /**
         * Tags both inputs, unites them, keys and windows them, and runs {@code coGroup} per window.
         *
         * @param userFunction the function to open and close with the operator (the user's, inside coGroup)
         */
        <T> SingleOutputStreamOperator<T> build(String name, CoGroupFunction<T1, T2, T> coGroup,
                Function userFunction, TypeInformation<T> resultType) {
            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = getWindowedStream();
            InternalWindowFunction<TaggedUnion<T1, T2>, T, KEY, W> function = InternalWindowFunction.wrapping(
                    new CoGroupWindowFunction<>(coGroup), userFunction);
            return windowed.apply("Window(" + windowAssigner + ", " + name + ")", function, resultType);
        }

        io.freshet.streaming.api.environment.StreamExecutionEnvironment environment() {
            return input1.getExecutionEnvironment();
        }

        WindowedStream<TaggedUnion<T1, T2>, KEY, W> getWindowedStream() {
            UnionTypeInfo<T1, T2> unionType = new UnionTypeInfo<>(input1.getType(), input2.getType());
            // the taggers run at their inputs' parallelism, so that they chain to them
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new Input1Tagger<T1, T2>(), unionType)
                    .setParallelism(input1.getParallelism());
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new Input2Tagger<T1, T2>(), unionType)
                    .setParallelism(input2.getParallelism());
            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = tagged1.union(tagged2)
                    .keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType)
                    .window(windowAssigner);
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            if (allowedLateness != null) {
                windowed.allowedLateness(allowedLateness);
            }
            return windowed;
        }
    }

    // ---- the tagged union of both inputs ----

    /** A record of either input, with which one it came from. */
    public static class TaggedUnion<T1, T2> {

        private final T1 one;
        private final T2 two;

        private TaggedUnion(T1 one, T2 two) {
            this.one = one;
            this.two = two;
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            return new TaggedUnion<>(Objects.requireNonNull(one, "a record of the first input"), null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            return new TaggedUnion<>(null, Objects.requireNonNull(two, "a record of the second input"));
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof TaggedUnion)) {
                return false;
            }
            TaggedUnion<?, ?> other = (TaggedUnion<?, ?>) obj;
            return Objects.equals(one, other.one) && Objects.equals(two, other.two);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(one) + Objects.hashCode(two);
        }

        @Override
        public String toString() {
            return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
        }
    }

    private static final class Input1Tagger<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    private static final class Input2Tagger<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** The key of a tagged record: the key selector of the input it came from. */
    private static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /** Splits a window's tagged records into the two inputs' and hands both to the coGroup function. */
    private static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
            implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> coGroup;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> coGroup) {
            this.coGroup = coGroup;
        }

        @Override
        public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out)
                throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion<T1, T2> element : input) {
                if (element.isOne()) {
                    first.add(element.getOne());
                } else {
                    second.add(element.getTwo());
                }
            }
            coGroup.coGroup(first, second, out);
        }
    }

    /** The type of {@link TaggedUnion}s of two types. */
    public static class UnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {

        private static final long serialVersionUID = 1L;
        private final TypeInformation<T1> oneType;
        private final TypeInformation<T2> twoType;

        public UnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
            this.oneType = Objects.requireNonNull(oneType, "oneType");
            this.twoType = Objects.requireNonNull(twoType, "twoType");
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 2;
        }

        @Override
        public int getTotalFields() {
            return 2;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<TaggedUnion<T1, T2>> getTypeClass() {
            return (Class) TaggedUnion.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> createSerializer(SerializerConfig config) {
            return new UnionSerializer<>(oneType.createSerializer(config), twoType.createSerializer(config));
        }

        @Override
        @Deprecated
        public TypeSerializer<TaggedUnion<T1, T2>> createSerializer(ExecutionConfig config) {
            return new UnionSerializer<>(oneType.createSerializer(config), twoType.createSerializer(config));
        }

        @Override
        public String toString() {
            return "UnionTypeInfo<" + oneType + ", " + twoType + ">";
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof UnionTypeInfo)) {
                return false;
            }
            UnionTypeInfo<?, ?> other = (UnionTypeInfo<?, ?>) obj;
            return other.canEqual(this) && oneType.equals(other.oneType) && twoType.equals(other.twoType);
        }

        @Override
        public int hashCode() {
            return 31 * oneType.hashCode() + twoType.hashCode();
        }

        @Override
        public boolean canEqual(Object obj) {
            return obj instanceof UnionTypeInfo;
        }
    }

    /** Writes a tag byte (1 or 2) and then the record in its input's format. */
    public static class UnionSerializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {

        private static final long serialVersionUID = 1L;
        private static final byte ONE = 1;
        private static final byte TWO = 2;
        private final TypeSerializer<T1> oneSerializer;
        private final TypeSerializer<T2> twoSerializer;

        public UnionSerializer(TypeSerializer<T1> oneSerializer, TypeSerializer<T2> twoSerializer) {
            this.oneSerializer = Objects.requireNonNull(oneSerializer, "oneSerializer");
            this.twoSerializer = Objects.requireNonNull(twoSerializer, "twoSerializer");
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
            TypeSerializer<T1> one = oneSerializer.duplicate();
            TypeSerializer<T2> two = twoSerializer.duplicate();
            return one == oneSerializer && two == twoSerializer ? this : new UnionSerializer<>(one, two);
        }

        @Override
        public TaggedUnion<T1, T2> createInstance() {
            return new TaggedUnion<>(oneSerializer.createInstance(), null);
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from) {
            return from.isOne() ? TaggedUnion.one(oneSerializer.copy(from.getOne()))
                    : TaggedUnion.two(twoSerializer.copy(from.getTwo()));
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from, TaggedUnion<T1, T2> reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(TaggedUnion<T1, T2> record, DataOutputView target) throws IOException {
            if (record.isOne()) {
                target.writeByte(ONE);
                oneSerializer.serialize(record.getOne(), target);
            } else {
                target.writeByte(TWO);
                twoSerializer.serialize(record.getTwo(), target);
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
            byte tag = source.readByte();
            switch (tag) {
                case ONE:
                    return TaggedUnion.one(oneSerializer.deserialize(source));
                case TWO:
                    return TaggedUnion.two(twoSerializer.deserialize(source));
                default:
                    throw new IOException("corrupt input for UnionSerializer: tag " + tag + " is neither 1 nor 2");
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(TaggedUnion<T1, T2> reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            byte tag = source.readByte();
            target.writeByte(tag);
            if (tag == ONE) {
                oneSerializer.copy(source, target);
            } else if (tag == TWO) {
                twoSerializer.copy(source, target);
            } else {
                throw new IOException("corrupt input for UnionSerializer: tag " + tag + " is neither 1 nor 2");
            }
        }

        TypeSerializer<T1> getOneSerializer() {
            return oneSerializer;
        }

        TypeSerializer<T2> getTwoSerializer() {
            return twoSerializer;
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof UnionSerializer)) {
                return false;
            }
            UnionSerializer<?, ?> other = (UnionSerializer<?, ?>) obj;
            return oneSerializer.equals(other.oneSerializer) && twoSerializer.equals(other.twoSerializer);
        }

        @Override
        public int hashCode() {
            return 31 * oneSerializer.hashCode() + twoSerializer.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<TaggedUnion<T1, T2>> snapshotConfiguration() {
            return new UnionSerializerSnapshot<>(this);
        }
    }

    /** The snapshot of a {@link UnionSerializer}: the snapshots of both inputs' serializers. */
    public static class UnionSerializerSnapshot<T1, T2>
            extends CompositeTypeSerializerSnapshot<TaggedUnion<T1, T2>, UnionSerializer<T1, T2>> {

        private static final int CURRENT_VERSION = 1;

        /** For reading a snapshot. */
        public UnionSerializerSnapshot() {}

        UnionSerializerSnapshot(UnionSerializer<T1, T2> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return CURRENT_VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(UnionSerializer<T1, T2> outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.getOneSerializer(), outerSerializer.getTwoSerializer()};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected UnionSerializer<T1, T2> createOuterSerializerWithNestedSerializers(
                TypeSerializer<?>[] nestedSerializers) {
            return new UnionSerializer<>((TypeSerializer<T1>) nestedSerializers[0],
                    (TypeSerializer<T2>) nestedSerializers[1]);
        }
    }
}

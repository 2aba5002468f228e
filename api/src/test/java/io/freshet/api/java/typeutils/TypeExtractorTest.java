package io.freshet.api.java.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.MapFunction;
import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.common.typeinfo.BasicArrayTypeInfo;
import io.freshet.api.common.typeinfo.BasicTypeInfo;
import io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.util.Collector;

class TypeExtractorTest {

    // ---- classes ----

    @Test
    void basicTypesAndPrimitivesMapToBasicTypeInfo() {
        assertThat(TypeInformation.of(String.class)).isEqualTo(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(TypeInformation.of(Integer.class)).isEqualTo(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(TypeExtractor.createTypeInfo(int.class)).isEqualTo(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(TypeInformation.of(java.math.BigDecimal.class)).isEqualTo(BasicTypeInfo.BIG_DEC_TYPE_INFO);
    }

    @Test
    void arraysMapToArrayTypeInfos() {
        assertThat(TypeInformation.of(int[].class)).isEqualTo(PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO);
        assertThat(TypeInformation.of(String[].class)).isEqualTo(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
        TypeInformation<ValidPojo[]> pojoArray = TypeInformation.of(ValidPojo[].class);
        assertThat(pojoArray).isInstanceOf(ObjectArrayTypeInfo.class);
        assertThat(((ObjectArrayTypeInfo<?, ?>) pojoArray).getComponentInfo()).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void enumsMapToEnumTypeInfo() {
        assertThat(TypeInformation.of(Color.class)).isEqualTo(new EnumTypeInfo<>(Color.class));
    }

    @Test
    void typeHintCapturesTupleFieldTypes() {
        TypeInformation<Tuple2<String, Integer>> info = TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {});

        assertThat(info).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(info.toString()).isEqualTo("Java Tuple2<String, Integer>");
    }

    @Test
    void nestedTuplesAndPojosInTuplesAreAnalysed() {
        TypeInformation<Tuple2<Tuple2<Long, Long>, ValidPojo>> info =
                TypeInformation.of(new TypeHint<Tuple2<Tuple2<Long, Long>, ValidPojo>>() {});

        TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) info;
        assertThat(tuple.getTypeAt(0)).isEqualTo(Types.TUPLE(Types.LONG, Types.LONG));
        assertThat(tuple.getTypeAt(1)).isInstanceOf(PojoTypeInfo.class);
        assertThat(tuple.getTotalFields()).isEqualTo(2 + 3);
    }

    @Test
    void rawTupleClassIsRejectedWithTheFix() {
        assertThatThrownBy(() -> TypeInformation.of(Tuple2.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("Tuple2 is used without its field types")
                .hasMessageContaining("TypeHint");
    }

    @Test
    void tupleSubclassFixingItsTypesIsATupleType() {
        TypeInformation<WordCount> info = TypeInformation.of(WordCount.class);

        assertThat(info).isInstanceOf(TupleTypeInfo.class);
        assertThat(info.getTypeClass()).isEqualTo(WordCount.class);
        assertThat(((TupleTypeInfo<?>) info).getTypeAt(0)).isEqualTo(Types.STRING);
        assertThat(((TupleTypeInfo<?>) info).getTypeAt(1)).isEqualTo(Types.INT);
    }

    @Test
    void getForObjectTakesTupleFieldTypesFromTheValues() {
        assertThat(TypeExtractor.getForObject(Tuple2.of("a", 1L))).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }

    // ---- the POJO rules ----

    @Test
    void publicFieldsMakeAPojo() {
        TypeInformation<ValidPojo> info = TypeInformation.of(ValidPojo.class);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<ValidPojo> pojo = (PojoTypeInfo<ValidPojo>) info;
        assertThat(pojo.getFieldNames()).containsExactly("count", "name", "score");
        assertThat(pojo.getTypeAt("count")).isEqualTo(Types.INT);
        assertThat(pojo.getTypeAt("score")).isEqualTo(Types.DOUBLE);
    }

    @Test
    void privateFieldsWithGettersAndSettersMakeAPojo() {
        TypeInformation<BeanPojo> info = TypeInformation.of(BeanPojo.class);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<?>) info).getFieldNames()).containsExactly("active", "id", "label");
    }

    @Test
    void inheritedFieldsBelongToThePojo() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(DerivedPojo.class);

        assertThat(info.getFieldNames()).containsExactly("count", "extra", "name", "score");
    }

    @Test
    void nestedPojoFieldsAreAnalysedAndAddressableByPath() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(Outer.class);

        assertThat(info.getTypeAt("inner")).isInstanceOf(PojoTypeInfo.class);
        assertThat(info.getTypeAt("inner.name")).isEqualTo(Types.STRING);
        assertThat(info.getFlatFields("inner.count")).hasSize(1);
    }

    @Test
    void genericPojoFieldsAreBoundThroughTheTypeHint() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(new TypeHint<Box<Long>>() {});

        assertThat(info.getTypeAt("value")).isEqualTo(Types.LONG);
    }

    @Test
    void accessorsMatchLikeFlinkIgnoringCaseAndUnderscoresAndBoxing() {
        assertThat(TypeInformation.of(EclipseStyle.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(Underscores.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(AllCaps.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(BoxedAccessors.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void classesBreakingAPojoRuleBecomeGenericTypesWithTheReason() {
        assertGeneric(NoDefaultConstructor.class, "no public no-argument constructor");
        assertGeneric(PrivateFieldNoAccessors.class, "neither public nor has a public getter");
        assertGeneric(GetterWithoutSetter.class, "neither public nor has a public setter");
        assertGeneric(FinalField.class, "is final");
        assertGeneric(NoFields.class, "no fields");
        assertGeneric(Inner.class, "non-static inner class");
        assertGeneric(AbstractPojo.class, "abstract");
        assertGeneric(ShadowingPojo.class, "appears more than once");
        assertGeneric(PackagePrivatePojo.class, "not public");
    }

    @Test
    void recursiveTypesStopAtTheRecursion() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(Node.class);

        assertThat(info.getTypeAt("next")).isEqualTo(new GenericTypeInfo<>(Node.class));
    }

    @Test
    void collectionsAndObjectFieldsFallBackToKryoInsideAPojo() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(WithCollections.class);

        assertThat(info.getTypeAt("tags")).isEqualTo(new GenericTypeInfo<>(List.class));
        assertThat(info.getTypeAt("payload")).isEqualTo(new GenericTypeInfo<>(Object.class));
    }

    @Test
    void typesPojoFailsForNonPojosNamingTheRule() {
        assertThatThrownBy(() -> Types.POJO(NoDefaultConstructor.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("NoDefaultConstructor")
                .hasMessageContaining("no public no-argument constructor");
    }

    private static void assertGeneric(Class<?> type, String reason) {
        assertThat(TypeExtractor.createTypeInfo(type)).as(type.getSimpleName()).isEqualTo(new GenericTypeInfo<>(type));
        assertThat(TypeExtractor.analyzePojo(type)).as(type.getSimpleName()).hasValueSatisfying(
                message -> assertThat(message).contains(reason));
    }

    // ---- function output types ----

    @Test
    void anonymousClassKeepsItsGenericOutputType() {
        MapFunction<String, Tuple2<String, Integer>> function = new MapFunction<>() {
            @Override
            public Tuple2<String, Integer> map(String value) {
                return Tuple2.of(value, 1);
            }
        };

        assertThat(TypeExtractor.getMapReturnTypes(function, Types.STRING)).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    }

    @Test
    void flatMapClassOutputTypeComesFromItsSignature() {
        assertThat(TypeExtractor.getFlatMapReturnTypes(new Tokenizer(), Types.STRING))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    }

    @Test
    void genericFunctionOutputIsBoundFromTheInputType() {
        TypeInformation<Tuple2<String, Long>> input = Types.TUPLE(Types.STRING, Types.LONG);

        assertThat(TypeExtractor.getMapReturnTypes(new Identity<Tuple2<String, Long>>(), input)).isEqualTo(input);
        assertThat(TypeExtractor.getMapReturnTypes(new SwapFirst<String, Long>(), input))
                .isEqualTo(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
    }

    @Test
    void typeVariablesNestedInTheOutputAreBoundThroughAGenericBaseFunction() {
        assertThat(TypeExtractor.getMapReturnTypes(new PairWithOne(), Types.STRING))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(TypeExtractor.getMapReturnTypes(new ToArray(), Types.STRING))
                .isEqualTo(BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO);
    }

    @Test
    void genericContainerOutputWithUnboundVariableIsAGenericType() {
        assertThat(TypeExtractor.getMapReturnTypes(new Wrap<Long>(), Types.STRING))
                .isEqualTo(new GenericTypeInfo<>(java.util.ArrayList.class));
    }

    @Test
    void lambdaWithConcreteReturnTypeIsExtracted() {
        MapFunction<String, Integer> length = s -> s.length();

        assertThat(TypeExtractor.getMapReturnTypes(length, Types.STRING)).isEqualTo(Types.INT);
    }

    @Test
    void keySelectorLambdaIsExtracted() {
        KeySelector<Tuple2<String, Integer>, String> key = t -> t.f0;

        assertThat(TypeExtractor.getKeySelectorTypes(key, Types.TUPLE(Types.STRING, Types.INT))).isEqualTo(Types.STRING);
    }

    @Test
    void methodReferenceToAGenericMethodKeepsTheSignature() {
        MapFunction<String, Tuple2<String, Integer>> pair = TypeExtractorTest::pairWithOne;

        assertThat(TypeExtractor.getMapReturnTypes(pair, Types.STRING)).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    }

    @Test
    void erasedLambdaOutputFailsNamingTheFunctionAndTheFix() {
        MapFunction<String, Tuple2<String, Integer>> pair = s -> Tuple2.of(s, 1);

        assertThatThrownBy(() -> TypeExtractor.getMapReturnTypes(pair, Types.STRING))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("lambda in " + TypeExtractorTest.class.getName() + ".erasedLambdaOutputFailsNamingTheFunctionAndTheFix()")
                .hasMessageContaining(".returns(")
                .hasMessageContaining("Tuple2");
    }

    @Test
    void flatMapLambdaCollectorOutputIsMissingUntilGivenWithReturns() {
        FlatMapFunction<String, String> split = (String line, Collector<String> out) -> out.collect(line);

        TypeInformation<String> info = TypeExtractor.getFlatMapReturnTypes(split, Types.STRING, "Flat Map", true);

        assertThat(info).isInstanceOf(MissingTypeInfo.class);
        assertThatThrownBy(info::getTypeClass)
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("'Flat Map'")
                .hasMessageContaining("returns(");
    }

    @Test
    void missingInputTypePropagatesTheOriginalProblem() {
        MissingTypeInfo missing = new MissingTypeInfo("Map", new InvalidTypesException("first problem"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeInformation<Integer> info = TypeExtractor.getMapReturnTypes(
                (MapFunction) (MapFunction<String, Integer>) String::length, (TypeInformation) missing, "next", true);

        assertThatThrownBy(info::getArity).hasMessageContaining("first problem");
    }

    @Test
    void resultTypeQueryableWins() {
        assertThat(TypeExtractor.getMapReturnTypes(new Queryable(), Types.STRING)).isEqualTo(Types.LONG);
    }

    @Test
    void richFunctionsAreAnalysedThroughTheirSuperclass() {
        RichMapFunction<Long, String> function = new RichMapFunction<>() {
            @Override
            public String map(Long value) {
                return value.toString();
            }
        };

        assertThat(TypeExtractor.getMapReturnTypes(function, Types.LONG)).isEqualTo(Types.STRING);
    }

    // ---- test types ----

    abstract static class PairBase<A> implements MapFunction<A, Tuple2<A, Integer>> {}

    static class PairWithOne extends PairBase<String> {
        @Override
        public Tuple2<String, Integer> map(String value) {
            return Tuple2.of(value, 1);
        }
    }

    abstract static class ArrayBase<A> implements MapFunction<A, A[]> {}

    static class ToArray extends ArrayBase<String> {
        @Override
        public String[] map(String value) {
            return new String[] {value};
        }
    }

    static class Wrap<A> implements MapFunction<String, java.util.ArrayList<A>> {
        @Override
        public java.util.ArrayList<A> map(String value) {
            return new java.util.ArrayList<>();
        }
    }

    public static class EclipseStyle {
        private int xCoord;
        public int getxCoord() { return xCoord; }
        public void setxCoord(int xCoord) { this.xCoord = xCoord; }
    }

    public static class Underscores {
        private String first_name;
        public String getFirstName() { return first_name; }
        public void setFirstName(String name) { this.first_name = name; }
    }

    public static class AllCaps {
        private String URL;
        public String getUrl() { return URL; }
        public void setUrl(String url) { this.URL = url; }
    }

    public static class BoxedAccessors {
        private int count;
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
    }

    static Tuple2<String, Integer> pairWithOne(String word) {
        return Tuple2.of(word, 1);
    }

    public enum Color { RED, GREEN }

    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {}
    }

    public static class ValidPojo {
        public String name;
        public int count;
        public double score;
    }

    public static class DerivedPojo extends ValidPojo {
        public long extra;
    }

    public static class BeanPojo {
        private long id;
        private String label;
        private boolean active;

        public long getId() { return id; }
        public void setId(long id) { this.id = id; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }

    public static class Outer {
        public ValidPojo inner;
        public String tag;
    }

    public static class Box<T> {
        public T value;
    }

    public static class Node {
        public int id;
        public Node next;
    }

    public static class WithCollections {
        public List<String> tags;
        public Object payload;
        public Map<String, Integer> counts;
    }

    public static class NoDefaultConstructor {
        public int x;
        public NoDefaultConstructor(int x) { this.x = x; }
    }

    public static class PrivateFieldNoAccessors {
        private int x;
        public int y;
    }

    public static class GetterWithoutSetter {
        private int x;
        public int getX() { return x; }
    }

    public static class FinalField {
        public final int x = 1;
    }

    public static class NoFields {}

    public class Inner {
        public int x;
    }

    public abstract static class AbstractPojo {
        public int x;
    }

    public static class ShadowingPojo extends ValidPojo {
        public String name;
    }

    static class PackagePrivatePojo {
        public int x;
    }

    static class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            out.collect(Tuple2.of(value, 1));
        }
    }

    static class Identity<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    static class SwapFirst<A, B> implements MapFunction<Tuple2<A, B>, Tuple3<B, A, B>> {
        @Override
        public Tuple3<B, A, B> map(Tuple2<A, B> value) {
            return Tuple3.of(value.f1, value.f0, value.f1);
        }
    }

    static class Queryable implements MapFunction<String, Object>, ResultTypeQueryable<Object> {
        @Override
        public Object map(String value) {
            return 1L;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypeInformation<Object> getProducedType() {
            return (TypeInformation) Types.LONG;
        }
    }
}

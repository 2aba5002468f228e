package io.freshet.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;

class OutputTagTest {

    @Test
    void tagsWithTheSameIdAreEqual() {
        OutputTag<String> a = new OutputTag<String>("late") {};
        OutputTag<String> b = new OutputTag<String>("late") {};

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(OutputTag.isResponsibleFor(a, b)).isTrue();
        assertThat(a.getId()).isEqualTo("late");
    }

    @Test
    void tagsWithDifferentIdsAreNotEqual() {
        OutputTag<String> late = new OutputTag<String>("late") {};
        OutputTag<String> early = new OutputTag<String>("early") {};

        assertThat(late).isNotEqualTo(early);
        assertThat(OutputTag.isResponsibleFor(late, early)).isFalse();
    }

    @Test
    void toStringShowsTheId() {
        assertThat(new OutputTag<Integer>("errors") {}.toString()).contains("errors");
    }

    @Test
    void elementTypeIsTakenFromTheAnonymousSubclass() {
        OutputTag<Tuple2<String, Long>> tag = new OutputTag<Tuple2<String, Long>>("pairs") {};

        assertThat(tag.getTypeInfo()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThat(tag.toString()).isEqualTo("OutputTag(Java Tuple2<String, Long>, pairs)");
    }

    @Test
    void elementTypeCanBeGivenExplicitly() {
        OutputTag<Integer> tag = new OutputTag<>("numbers", Types.INT);

        assertThat(tag.getTypeInfo()).isEqualTo(Types.INT);
        assertThat(tag).isEqualTo(new OutputTag<Integer>("numbers") {});
    }

    @Test
    void emptyOrNullIdIsRejected() {
        assertThatThrownBy(() -> new OutputTag<String>("") {})
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new OutputTag<String>(null) {}).isInstanceOf(NullPointerException.class);
    }

    @Test
    void plainTagWithoutAnonymousSubclassIsRejectedWithTheFix() {
        assertThatThrownBy(() -> new OutputTag<String>("late"))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("anonymous subclass")
                .hasMessageContaining("new OutputTag<T>(\"late\") {}");
    }
}

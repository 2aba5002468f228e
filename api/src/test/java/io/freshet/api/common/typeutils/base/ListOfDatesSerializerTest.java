package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;

/** A list of mutable, nullable elements: copies must copy the elements too. */
class ListOfDatesSerializerTest extends SerializerTestBase<List<Date>> {

    @Override
    protected TypeSerializer<List<Date>> createSerializer() {
        return new ListSerializer<>(DateSerializer.INSTANCE);
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Class<List<Date>> getTypeClass() {
        return (Class<List<Date>>) (Class<?>) List.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<Date>[] getTestData() {
        return (List<Date>[]) new List<?>[] {
            new ArrayList<Date>(),
            Arrays.asList(new Date(1), null, new Date(-5)),
            new ArrayList<>(Arrays.asList(new Date(Long.MAX_VALUE), new Date(0)))
        };
    }

    @Test
    void copyDoesNotShareMutableElements() {
        Date date = new Date(42);
        List<Date> original = new ArrayList<>(List.of(date));

        List<Date> copy = createSerializer().copy(original);
        date.setTime(7);

        assertThat(copy.get(0)).isEqualTo(new Date(42));
    }
}

package io.freshet.api.common.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.DataOutputView;

/**
 * The contract tests every {@link TypeSerializer} must pass. A serializer test extends this class and provides
 * the serializer, its expected length, the type class and test values; it may override {@link #valuesEqual} when
 * {@link Objects#deepEquals} is not the right equality (it already compares arrays element by element).
 *
 * <p>What is checked: round trips through array-backed views and through paged views with tiny pages (7, 16 and
 * 128 bytes; heap and off-heap; with and without a page header), so that values span page boundaries and the
 * bytes do not depend on the kind of view; deserialization into reused objects; {@code copy(source, target)}
 * reproduces the bytes; copies of mutable values are new objects; fixed-length serializers write exactly
 * {@link TypeSerializer#getLength()} bytes; {@link TypeSerializer#duplicate()}; the snapshot round trip and
 * compatibility with itself; Java serialization of the serializer (it travels in job graphs); and that truncated
 * input fails with an {@link EOFException} rather than returning garbage.
 *
 * @param <T> the type of the values
 */
public abstract class SerializerTestBase<T> {

    /** Page sizes small enough that most values span pages; 7 is prime so boundaries fall everywhere. */
    private static final int[] PAGE_SIZES = {7, 16, 128};

    private static final int HEADER_LENGTH = 4;

    /** At most this many cut points per value in the truncation tests (all of them for short values). */
    private static final int MAX_CUT_POINTS = 48;

    // ---- what subclasses provide ----

    protected abstract TypeSerializer<T> createSerializer();

    /** The expected {@link TypeSerializer#getLength()}: the fixed length in bytes, or -1. */
    protected abstract int getLength();

    protected abstract Class<T> getTypeClass();

    /** Values to test with; may contain null if the serializer accepts null. */
    protected abstract T[] getTestData();

    /** Equality of an original and a deserialized or copied value. Arrays compare element by element. */
    protected boolean valuesEqual(T expected, T actual) {
        return Objects.deepEquals(expected, actual);
    }

    /**
     * Whether every strict prefix of a serialized value fails to deserialize with an {@link EOFException}.
     * True for self-delimiting formats (all of Freshet's); a serializer whose format can end early may opt out.
     */
    protected boolean failsOnTruncatedInput() {
        return true;
    }

    // ---- basic properties ----

    @Test
    public void createsInstancesOfTheTypeClass() {
        T instance = createSerializer().createInstance();
        if (instance != null) {
            assertThat(instance).isInstanceOf(getTypeClass());
        }
    }

    @Test
    public void reportsExpectedLength() {
        assertThat(createSerializer().getLength()).isEqualTo(getLength());
    }

    @Test
    public void fixedLengthSerializerWritesExactlyItsLength() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        int length = serializer.getLength();
        if (length < 0) {
            return;
        }
        T[] data = getTestData();
        for (int i = 0; i < data.length; i++) {
            assertThat(serialize(serializer, data[i]).length)
                    .as("serialized length of value #%d (%s)", i, describe(data[i]))
                    .isEqualTo(length);
        }
    }

    // ---- round trips ----

    @Test
    public void roundTripsEachValueThroughArrayViews() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        for (int i = 0; i < data.length; i++) {
            byte[] bytes = serialize(serializer, data[i]);
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            assertValueEquals("value #" + i + " read back", data[i], serializer.deserialize(in));
            assertThat(in.available()).as("bytes left after reading value #%d", i).isZero();
        }
    }

    @Test
    public void roundTripsAllValuesInOneGrowingBuffer() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        // a one-byte start forces the buffer to grow in the middle of values
        DataOutputSerializer out = new DataOutputSerializer(1);
        for (T value : data) {
            serializer.serialize(value, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (int i = 0; i < data.length; i++) {
            assertValueEquals("value #" + i + " read back in sequence", data[i], serializer.deserialize(in));
        }
        assertThat(in.available()).as("bytes left after reading every value").isZero();
    }

    @Test
    public void roundTripsIntoReusedInstances() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        byte[] bytes = serializeAll(serializer, data);

        // each value into a fresh instance
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        for (int i = 0; i < data.length; i++) {
            T reuse = serializer.createInstance();
            assertValueEquals("value #" + i + " read into a new instance", data[i], serializer.deserialize(reuse, in));
        }

        // each value into the previous result, whatever its size or shape
        in = new DataInputDeserializer(bytes);
        T reuse = serializer.createInstance();
        for (int i = 0; i < data.length; i++) {
            reuse = serializer.deserialize(reuse, in);
            assertValueEquals("value #" + i + " read into the previous value", data[i], reuse);
        }
        assertThat(in.available()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.freshet.api.common.typeutils.SerializerTestBase#pageLayouts")
    public void roundTripsThroughPagesWithTheSameBytesAsArrays(PageLayout layout) throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        byte[] expectedBytes = serializeAll(serializer, data);

        PagedTestOutputView out = layout.newOutput();
        for (T value : data) {
            serializer.serialize(value, out);
        }
        assertBytesEqual("bytes written to " + layout + " vs. to an array", expectedBytes, out.writtenBytes());

        PagedTestInputView in = out.toInputView();
        for (int i = 0; i < data.length; i++) {
            assertValueEquals("value #" + i + " read from " + layout, data[i], serializer.deserialize(in));
        }
        assertThat(in.remainingBytes()).as("bytes left in the pages").isZero();

        in = out.toInputView();
        T reuse = serializer.createInstance();
        for (int i = 0; i < data.length; i++) {
            reuse = serializer.deserialize(reuse, in);
            assertValueEquals("value #" + i + " read with reuse from " + layout, data[i], reuse);
        }
    }

    @Test
    public void readsArrayWrittenBytesFromPages() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        byte[] bytes = serializeAll(serializer, data);
        for (PageLayout layout : pageLayoutList()) {
            PagedTestInputView in = PagedTestOutputView.pagesOf(bytes, layout.pageSize, layout.headerLength, layout.offHeap);
            for (int i = 0; i < data.length; i++) {
                assertValueEquals("value #" + i + " read from " + layout, data[i], serializer.deserialize(in));
            }
        }
    }

    // ---- copying ----

    @Test
    public void copiesSerializedValuesBetweenArrayViewsByteForByte() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        byte[] bytes = serializeAll(serializer, data);
        DataInputDeserializer source = new DataInputDeserializer(bytes);
        DataOutputSerializer target = new DataOutputSerializer(1);
        for (int i = 0; i < data.length; i++) {
            serializer.copy(source, target);
        }
        assertThat(source.available()).as("bytes left after copying every value").isZero();
        assertBytesEqual("copied bytes", bytes, target.getCopyOfBuffer());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.freshet.api.common.typeutils.SerializerTestBase#pageLayouts")
    public void copiesSerializedValuesBetweenPagesByteForByte(PageLayout layout) throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        byte[] bytes = serializeAll(serializer, data);
        PagedTestInputView source = PagedTestOutputView.pagesOf(bytes, layout.pageSize, layout.headerLength, layout.offHeap);
        // the target pages are laid out differently from the source pages, so boundaries do not line up
        PagedTestOutputView target = new PagedTestOutputView(layout.pageSize + 3, layout.headerLength, !layout.offHeap);
        for (int i = 0; i < data.length; i++) {
            serializer.copy(source, target);
        }
        assertThat(source.remainingBytes()).isZero();
        assertBytesEqual("bytes copied from " + layout, bytes, target.writtenBytes());
    }

    @Test
    public void copiesEqualTheOriginalAndAreNewObjectsForMutableTypes() {
        TypeSerializer<T> serializer = createSerializer();
        boolean mutable = !serializer.isImmutableType();
        T[] data = getTestData();
        T previous = serializer.createInstance();
        for (int i = 0; i < data.length; i++) {
            T value = data[i];
            T copy = serializer.copy(value);
            assertValueEquals("copy of value #" + i, value, copy);

            T intoNew = serializer.copy(value, serializer.createInstance());
            assertValueEquals("copy of value #" + i + " into a new instance", value, intoNew);

            T intoPrevious = serializer.copy(value, previous);
            assertValueEquals("copy of value #" + i + " into the previous copy", value, intoPrevious);

            if (mutable && value != null) {
                assertThat(copy).as("copy of mutable value #%d must be a new object", i).isNotSameAs(value);
                assertThat(intoNew).as("copy into reuse of mutable value #%d", i).isNotSameAs(value);
                assertThat(intoPrevious).as("copy into reuse of mutable value #%d", i).isNotSameAs(value);
            }
            if (intoPrevious != null) {
                previous = intoPrevious;
            }
        }
    }

    // ---- duplicate, snapshot, Java serialization ----

    @Test
    public void duplicateEqualsOriginalAndWorks() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        TypeSerializer<T> duplicate = serializer.duplicate();
        assertThat(duplicate).isEqualTo(serializer);
        assertThat(duplicate.hashCode()).isEqualTo(serializer.hashCode());
        assertRoundTrips("the duplicate", serializer, duplicate);
    }

    @Test
    public void snapshotRestoresEqualSerializerThatIsCompatibleAsIs() throws IOException {
        TypeSerializer<T> serializer = createSerializer();
        TypeSerializerSnapshot<T> snapshot = serializer.snapshotConfiguration();

        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        TypeSerializerSnapshot<T> restoredSnapshot =
                TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());
        assertThat(in.available()).as("snapshot bytes left unread").isZero();
        assertThat(restoredSnapshot).isInstanceOf(snapshot.getClass());

        TypeSerializer<T> restored = restoredSnapshot.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        assertRoundTrips("the restored serializer", serializer, restored);

        TypeSerializerSchemaCompatibility<T> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restoredSnapshot);
        assertThat(compatibility.isCompatibleAsIs()).as("compatibility with its own snapshot: %s", compatibility).isTrue();
    }

    @Test
    public void serializerSurvivesJavaSerialization() throws Exception {
        TypeSerializer<T> serializer = createSerializer();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serializer);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        assertThat(read).isEqualTo(serializer);
        @SuppressWarnings("unchecked")
        TypeSerializer<T> deserialized = (TypeSerializer<T>) read;
        assertRoundTrips("the Java-deserialized serializer", serializer, deserialized);
    }

    // ---- truncated input ----

    @Test
    public void truncatedInputThrowsEofException() throws IOException {
        if (!failsOnTruncatedInput()) {
            return;
        }
        TypeSerializer<T> serializer = createSerializer();
        T[] data = getTestData();
        Random random = new Random(RandomTestData.DEFAULT_SEED);
        for (int i = 0; i < data.length; i++) {
            byte[] bytes = serialize(serializer, data[i]);
            for (int cut : cutPoints(bytes.length, random)) {
                String what = "value #" + i + " (" + bytes.length + " bytes) cut after " + cut + " bytes";
                assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes, 0, cut)))
                        .as("deserialize " + what)
                        .isInstanceOf(EOFException.class);
                assertThatThrownBy(() -> serializer.deserialize(
                                serializer.createInstance(), new DataInputDeserializer(bytes, 0, cut)))
                        .as("deserialize with reuse " + what)
                        .isInstanceOf(EOFException.class);
                assertThatThrownBy(() -> serializer.copy(
                                new DataInputDeserializer(bytes, 0, cut), new DataOutputSerializer(16)))
                        .as("copy " + what)
                        .isInstanceOf(EOFException.class);
            }
            // and from pages, where the end of the input is the end of the last page
            byte[] shortened = Arrays.copyOf(bytes, Math.max(0, bytes.length - 1));
            DataInputView pages = PagedTestOutputView.pagesOf(shortened, 16, HEADER_LENGTH, false);
            assertThatThrownBy(() -> serializer.deserialize(pages))
                    .as("deserialize value #%d from pages missing the last byte", i)
                    .isInstanceOf(EOFException.class);
        }
    }

    private static Iterable<Integer> cutPoints(int length, Random random) {
        TreeSet<Integer> cuts = new TreeSet<>();
        if (length <= MAX_CUT_POINTS) {
            for (int cut = 0; cut < length; cut++) {
                cuts.add(cut);
            }
            return cuts;
        }
        for (int cut = 0; cut < 8; cut++) {
            cuts.add(cut);
            cuts.add(length - 1 - cut);
        }
        while (cuts.size() < MAX_CUT_POINTS) {
            cuts.add(random.nextInt(length));
        }
        return cuts;
    }

    // ---- page layouts ----

    /** A page size, whether pages live off the heap, and the length of the header each page starts with. */
    public static final class PageLayout {
        final int pageSize;
        final boolean offHeap;
        final int headerLength;

        PageLayout(int pageSize, boolean offHeap, int headerLength) {
            this.pageSize = pageSize;
            this.offHeap = offHeap;
            this.headerLength = headerLength;
        }

        PagedTestOutputView newOutput() {
            return new PagedTestOutputView(pageSize, headerLength, offHeap);
        }

        @Override
        public String toString() {
            return pageSize + "-byte " + (offHeap ? "off-heap" : "heap") + " pages"
                    + (headerLength > 0 ? " with " + headerLength + "-byte headers" : "");
        }
    }

    static List<PageLayout> pageLayoutList() {
        List<PageLayout> layouts = new ArrayList<>();
        for (int pageSize : PAGE_SIZES) {
            for (boolean offHeap : new boolean[] {false, true}) {
                layouts.add(new PageLayout(pageSize, offHeap, 0));
                layouts.add(new PageLayout(pageSize, offHeap, HEADER_LENGTH));
            }
        }
        return layouts;
    }

    static Stream<PageLayout> pageLayouts() {
        return pageLayoutList().stream();
    }

    // ---- helpers ----

    protected static <V> byte[] serialize(TypeSerializer<V> serializer, V value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    protected static <V> byte[] serializeAll(TypeSerializer<V> serializer, V[] values) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (V value : values) {
            serializer.serialize(value, out);
        }
        return out.getCopyOfBuffer();
    }

    /** Writes every test value with {@code writer} and reads it back with {@code reader}. */
    private void assertRoundTrips(String what, TypeSerializer<T> writer, TypeSerializer<T> reader) throws IOException {
        T[] data = getTestData();
        DataInputDeserializer in = new DataInputDeserializer(serializeAll(writer, data));
        for (int i = 0; i < data.length; i++) {
            assertValueEquals("value #" + i + " read by " + what, data[i], reader.deserialize(in));
        }
        DataOutputView out = new DataOutputSerializer(64);
        for (T value : data) {
            reader.serialize(value, out);
        }
        assertBytesEqual("bytes written by " + what, serializeAll(writer, data),
                ((DataOutputSerializer) out).getCopyOfBuffer());
    }

    protected final void assertValueEquals(String what, T expected, T actual) {
        if (!valuesEqual(expected, actual)) {
            fail(what + ": expected " + describe(expected) + " but was " + describe(actual));
        }
    }

    private static void assertBytesEqual(String what, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        int first = 0;
        while (first < Math.min(expected.length, actual.length) && expected[first] == actual[first]) {
            first++;
        }
        fail(what + " differ: expected " + expected.length + " bytes, got " + actual.length
                + "; first difference at byte " + first);
    }

    /** A bounded description of a value for failure messages (test values include 70,000-char strings). */
    protected static String describe(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            text = value.getClass().getComponentType().getSimpleName() + "[" + length + "] "
                    + Arrays.deepToString(new Object[] {value});
        } else {
            text = value.getClass().getSimpleName() + " " + value;
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " chars)";
    }
}

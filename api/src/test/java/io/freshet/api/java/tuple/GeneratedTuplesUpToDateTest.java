package io.freshet.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails when a generated tuple source was edited by hand or the generator changed without a rerun. */
class GeneratedTuplesUpToDateTest {

    // Surefire runs with the module directory as working directory.
    private static final Path SOURCES = Path.of("src/main/java/io/freshet/api/java/tuple");

    @Test
    void committedTupleSourcesMatchTheGenerator() throws Exception {
        assertThat(read("Tuple.java")).isEqualTo(TupleGenerator.tupleBase());
        assertThat(read("Tuple0.java")).isEqualTo(TupleGenerator.tuple0());
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            assertThat(read("Tuple" + arity + ".java")).as("Tuple%d.java", arity).isEqualTo(TupleGenerator.tupleN(arity));
        }
    }

    private static String read(String file) throws Exception {
        return Files.readString(SOURCES.resolve(file), StandardCharsets.UTF_8);
    }
}

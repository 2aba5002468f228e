package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.runtime.client.JobExecutionException;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/** Programs that cannot run are refused with errors that name what is wrong. */
class ProgramErrorsITCase {

    @TempDir
    Path temp;

    @Test
    void anArrayKeyIsRefusedNamingItsType() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> env.fromElements(new int[] {1, 2}, new int[] {3}).keyBy(new KeySelector<int[], int[]>() {
                    @Override
                    public int[] getKey(int[] value) {
                        return value;
                    }
                }))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("cannot be used as key")
                .hasMessageContaining("Contained UNSUPPORTED key types: int[]");
    }

    @Test
    @SuppressWarnings("deprecation")
    void anArrayInsideATupleKeyIsRefusedNamingTheArray() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> env.fromElements(Tuple2.of("a", new String[] {"x"}))
                .returns(Types.TUPLE(Types.STRING, Types.OBJECT_ARRAY(Types.STRING)))
                .keyBy(0, 1))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("cannot be used as key")
                .hasMessageContaining("Contained UNSUPPORTED key types: ").hasMessageContaining("ArrayTypeInfo<String>")
                .hasMessageNotContaining("types: String,");
    }

    @Test
    void readingAFileThatDoesNotExistFailsTheJobNamingThePath() {
        Path missing = temp.resolve("no-such-input.txt");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.readTextFile(missing.toString()).print();

        assertThatThrownBy(() -> env.execute("read missing")).isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("The input file " + missing + " does not exist");
    }

    @Test
    void executingAProgramWithoutOperatorsIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(env::execute).isInstanceOf(IllegalStateException.class)
                .hasMessage("No operators defined in streaming topology. Cannot execute.");
    }

    @Test
    void aSourceWithoutSinkIsAnOperatorAndRuns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromElements(1, 2, 3).map(value -> value + 1);

        assertThat(env.execute("no sink").getJobID()).isNotNull();
    }
}

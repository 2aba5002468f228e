package io.freshet.api.java.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ParameterToolTest {

    @Test
    void keysWithValuesFlagsAndNegativeNumbersAreRead() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--input", "in.txt", "-port", "9000",
                "--verbose", "--offset", "-5", "--last"});

        assertThat(params.get("input")).isEqualTo("in.txt");
        assertThat(params.getInt("port")).isEqualTo(9000);
        assertThat(params.getLong("offset")).isEqualTo(-5L);
        assertThat(params.has("verbose")).isTrue();
        assertThat(params.get("verbose")).isEqualTo(ParameterTool.NO_VALUE_KEY);
        assertThat(params.getBoolean("verbose")).isTrue();
        assertThat(params.has("last")).isTrue();
        assertThat(params.has("output")).isFalse();
        assertThat(params.get("output")).isNull();
        assertThat(params.get("output", "out")).isEqualTo("out");
        assertThat(params.getInt("window", 250)).isEqualTo(250);
        assertThat(params.getNumberOfParameters()).isEqualTo(5);
        assertThat(params.toMap()).containsEntry("port", "9000");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--hostname", "localhost"});

        assertThatThrownBy(() -> params.getRequired("port")).hasMessageContaining("'port'");
        assertThatThrownBy(() -> params.getInt("port")).hasMessageContaining("'port'");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsKey() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--port", "ninety"});

        assertThatThrownBy(() -> params.getInt("port")).isInstanceOf(NumberFormatException.class)
                .hasMessage("The value 'ninety' of --port is not an int.");
    }

    @Test
    void anArgumentWithoutDashesIsRefused() {
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"input", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'input'")
                .hasMessageContaining("must start with -- or -");
    }

    @Test
    void mergeLetsTheOtherParametersWin() {
        ParameterTool merged = ParameterTool.fromMap(Map.of("a", "1", "b", "2"))
                .mergeWith(ParameterTool.fromArgs(new String[] {"--b", "3"}));

        assertThat(merged.toMap()).isEqualTo(Map.of("a", "1", "b", "3"));
        assertThat(merged.getConfiguration().getString("b", null)).isEqualTo("3");
    }
}

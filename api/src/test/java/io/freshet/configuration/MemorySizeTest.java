package io.freshet.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.configuration.MemorySize.MemoryUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemorySizeTest {

    @ParameterizedTest(name = "\"{0}\" = {1} bytes")
    @CsvSource(delimiter = '|', value = {
        "100|100", "100 b|100", "100bytes|100", "100 BYTES|100",
        "512 kb|524288", "512k|524288", "512 kibibytes|524288", "512 KB|524288",
        "1024m|1073741824", "1024 mb|1073741824", "1 mebibytes|1048576", "1 MB|1048576",
        "1 gb|1073741824", "1g|1073741824", "2 gibibytes|2147483648", "1 GB|1073741824",
        "1 tb|1099511627776", "1t|1099511627776", "1 tebibytes|1099511627776",
        "  64 mb  |67108864", "0|0"
    })
    void parsesEveryUnitFormCaseInsensitively(String text, long expectedBytes) {
        assertThat(MemorySize.parse(text).getBytes()).isEqualTo(expectedBytes);
        assertThat(MemorySize.parseBytes(text)).isEqualTo(expectedBytes);
    }

    @Test
    void unknownUnitErrorListsAcceptedUnits() {
        assertThatThrownBy(() -> MemorySize.parse("10 xb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit 'xb'")
                .hasMessageContaining("(b | bytes) / (k | kb | kibibytes) / (m | mb | mebibytes)"
                        + " / (g | gb | gibibytes) / (t | tb | tebibytes)");
    }

    @Test
    void rejectsFractionsNegativesAndOverflow() {
        assertThatThrownBy(() -> MemorySize.parse("1.5 gb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemorySize.parse("-1 mb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not start with a whole number");
        assertThatThrownBy(() -> MemorySize.parse("100000000 tb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> MemorySize.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void numberWithoutUnitUsesTheGivenDefaultUnit() {
        assertThat(MemorySize.parse("64", MemoryUnit.MEGA_BYTES)).isEqualTo(MemorySize.ofMebiBytes(64));
        assertThat(MemorySize.parse("64 kb", MemoryUnit.MEGA_BYTES).getBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void convertsBetweenUnitsRoundingDown() {
        MemorySize size = MemorySize.parse("1536 kb");
        assertThat(size.getKibiBytes()).isEqualTo(1536);
        assertThat(size.getMebiBytes()).isEqualTo(1);
        assertThat(size.getGibiBytes()).isZero();
        assertThat(MemorySize.ofMebiBytes(2048).getGibiBytes()).isEqualTo(2);
    }

    @Test
    void toStringUsesLargestExactUnitAndParsesBack() {
        assertThat(MemorySize.parse("1024m")).hasToString("1 gb");
        assertThat(MemorySize.parse("1536 kb")).hasToString("1536 kb");
        assertThat(MemorySize.parse("100")).hasToString("100 bytes");
        assertThat(MemorySize.ZERO).hasToString("0 bytes");
        assertThat(MemorySize.MAX_VALUE).hasToString(Long.MAX_VALUE + " bytes");
        assertThat(MemorySize.parse(MemorySize.parse("3 tb").toString())).isEqualTo(MemorySize.parse("3 tb"));
    }

    @Test
    void humanReadableStringRoundsAndShowsBytes() {
        assertThat(MemorySize.parse("1536").toHumanReadableString()).isEqualTo("1.500kb (1536 bytes)");
        assertThat(MemorySize.parse("100").toHumanReadableString()).isEqualTo("100 bytes");
        assertThat(MemorySize.parse("1 gb").toHumanReadableString()).isEqualTo("1.000gb (1073741824 bytes)");
    }

    @Test
    void arithmeticKeepsSizesNonNegative() {
        MemorySize mb = MemorySize.ofMebiBytes(1);
        assertThat(mb.add(mb)).isEqualTo(MemorySize.ofMebiBytes(2));
        assertThat(mb.multiply(0.5).getKibiBytes()).isEqualTo(512);
        assertThat(mb.divide(4).getKibiBytes()).isEqualTo(256);
        assertThatThrownBy(() -> MemorySize.ZERO.subtract(mb)).isInstanceOf(IllegalArgumentException.class);
        assertThat(mb.compareTo(MemorySize.ZERO)).isPositive();
    }

    @Test
    void unitLookupRecognisesLabels() {
        assertThat(MemoryUnit.hasUnit("10 MB")).isTrue();
        assertThat(MemoryUnit.hasUnit("10")).isFalse();
        assertThat(MemoryUnit.hasUnit("10 parsecs")).isFalse();
    }
}

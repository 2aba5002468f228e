package io.freshet.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private enum Mode { FAST, SAFE }

    private static final ConfigOption<Integer> SLOTS =
            ConfigOptions.key("test.slots").intType().defaultValue(1).withDescription("slots");
    private static final ConfigOption<Duration> TIMEOUT =
            ConfigOptions.key("test.timeout").durationType().defaultValue(Duration.ofSeconds(10));
    private static final ConfigOption<MemorySize> SIZE = ConfigOptions.key("test.size").memoryType().noDefaultValue();
    private static final ConfigOption<List<String>> NAMES =
            ConfigOptions.key("test.names").stringType().asList().noDefaultValue();
    private static final ConfigOption<List<Integer>> NUMBERS =
            ConfigOptions.key("test.numbers").intType().asList().defaultValues(7);
    private static final ConfigOption<Map<String, String>> PARAMS =
            ConfigOptions.key("test.params").mapType().noDefaultValue();
    private static final ConfigOption<Mode> MODE = ConfigOptions.key("test.mode").enumType(Mode.class)
            .defaultValue(Mode.SAFE);
    private static final ConfigOption<String> RENAMED = ConfigOptions.key("new.name").stringType().noDefaultValue()
            .withFallbackKeys("general.name")
            .withDeprecatedKeys("old.name");

    @Test
    void unsetOptionYieldsDefaultButGetOptionalIsEmpty() {
        Configuration configuration = new Configuration();

        assertThat(configuration.get(SLOTS)).isEqualTo(1);
        assertThat(configuration.getOptional(SLOTS)).isEmpty();
        assertThat(configuration.get(SIZE)).isNull();
        assertThat(configuration.get(SLOTS, 5)).isEqualTo(5);
        assertThat(configuration.contains(SLOTS)).isFalse();
    }

    @Test
    void typedValueSetInCodeIsReadBackAsIs() {
        Configuration configuration = new Configuration()
                .set(SLOTS, 4)
                .set(TIMEOUT, Duration.ofMinutes(2))
                .set(MODE, Mode.FAST)
                .set(NAMES, List.of("a", "b"));

        assertThat(configuration.get(SLOTS)).isEqualTo(4);
        assertThat(configuration.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(configuration.get(MODE)).isEqualTo(Mode.FAST);
        assertThat(configuration.get(NAMES)).containsExactly("a", "b");
    }

    @Test
    void textValuesAreConvertedOnRead() {
        Configuration configuration = Configuration.fromMap(Map.of(
                "test.slots", " 8 ",
                "test.timeout", "1 min",
                "test.size", "512 mb",
                "test.mode", "fast",
                "test.names", "a;b; c",
                "test.numbers", "[1, 2, 3]",
                "test.params", "k1:v1,k2:v2"));

        assertThat(configuration.get(SLOTS)).isEqualTo(8);
        assertThat(configuration.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(1));
        assertThat(configuration.get(SIZE)).isEqualTo(MemorySize.ofMebiBytes(512));
        assertThat(configuration.get(MODE)).isEqualTo(Mode.FAST);
        assertThat(configuration.get(NAMES)).containsExactly("a", "b", "c");
        assertThat(configuration.get(NUMBERS)).containsExactly(1, 2, 3);
        assertThat(configuration.get(PARAMS)).containsExactly(Map.entry("k1", "v1"), Map.entry("k2", "v2"));
    }

    @Test
    void bareNumbersAreMillisecondsAndBytes() {
        Configuration configuration = new Configuration();
        configuration.setInteger("test.timeout", 250);
        configuration.setLong("test.size", 4096L);

        assertThat(configuration.get(TIMEOUT)).isEqualTo(Duration.ofMillis(250));
        assertThat(configuration.get(SIZE)).isEqualTo(new MemorySize(4096));
    }

    @Test
    void mapOptionIsAssembledFromPrefixedKeys() {
        Configuration configuration = Configuration.fromMap(Map.of("test.params.a", "1", "test.params.b", "2"));

        assertThat(configuration.contains(PARAMS)).isTrue();
        assertThat(configuration.get(PARAMS)).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void fallbackKeysAreReadInDeclaredOrder() {
        Configuration configuration = new Configuration();
        configuration.setString("old.name", "from-deprecated");
        assertThat(configuration.get(RENAMED)).isEqualTo("from-deprecated");
        assertThat(configuration.contains(RENAMED)).isTrue();

        configuration.setString("general.name", "from-fallback");
        assertThat(configuration.get(RENAMED)).isEqualTo("from-fallback");
    }

    @Test
    void newKeyWinsOverFallbackAndDeprecatedKeys() {
        Configuration configuration = new Configuration();
        configuration.setString("old.name", "old");
        configuration.setString("general.name", "general");
        configuration.setString("new.name", "new");

        assertThat(configuration.get(RENAMED)).isEqualTo("new");
    }

    @Test
    void removeConfigRemovesKeyAndAllFallbackKeys() {
        Configuration configuration = new Configuration();
        configuration.setString("old.name", "old");
        configuration.setString("new.name", "new");

        assertThat(configuration.removeConfig(RENAMED)).isTrue();
        assertThat(configuration.keySet()).isEmpty();
        assertThat(configuration.removeConfig(RENAMED)).isFalse();
    }

    @Test
    void wrongTypedValueNamesKeyValueAndExpectedType() {
        Configuration configuration = new Configuration();
        configuration.setString("test.slots", "four");

        assertThatThrownBy(() -> configuration.get(SLOTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'four'")
                .hasMessageContaining("'test.slots'")
                .hasMessageContaining("expected Integer")
                .hasMessageContaining("remove it to use the default (1)");
    }

    @Test
    void wrongTypedValueThroughDeprecatedKeyNamesThatKey() {
        ConfigOption<Boolean> flag = ConfigOptions.key("flag.new").booleanType().defaultValue(false)
                .withDeprecatedKeys("flag.old");
        Configuration configuration = Configuration.fromMap(Map.of("flag.old", "yes please"));

        assertThatThrownBy(() -> configuration.get(flag))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'flag.old'")
                .hasMessageContaining("Neither 'true' nor 'false'");
    }

    @Test
    void unknownMemoryUnitInConfigurationListsAcceptedUnits() {
        Configuration configuration = Configuration.fromMap(Map.of("test.size", "12 parsecs"));

        assertThatThrownBy(() -> configuration.get(SIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'test.size'")
                .hasMessageContaining("(m | mb | mebibytes)");
    }

    @Test
    void wrongEnumValueListsAllowedNames() {
        Configuration configuration = Configuration.fromMap(Map.of("test.mode", "turbo"));

        assertThatThrownBy(() -> configuration.get(MODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[FAST, SAFE]");
    }

    @Test
    void integerOutOfRangeIsRejected() {
        Configuration configuration = new Configuration();
        configuration.setLong("test.slots", 1L << 40);

        assertThatThrownBy(() -> configuration.get(SLOTS)).hasMessageContaining("outside the range of an Integer");
    }

    @Test
    void legacyStringKeyGettersConvertAndFallBackToDefault() {
        Configuration configuration = new Configuration();
        configuration.setString("a.int", "12");
        configuration.setString("a.bool", "TRUE");
        configuration.setString("a.double", "2.5");

        assertThat(configuration.getInteger("a.int", 0)).isEqualTo(12);
        assertThat(configuration.getLong("a.int", 0L)).isEqualTo(12L);
        assertThat(configuration.getBoolean("a.bool", false)).isTrue();
        assertThat(configuration.getDouble("a.double", 0)).isEqualTo(2.5);
        assertThat(configuration.getFloat("a.double", 0)).isEqualTo(2.5f);
        assertThat(configuration.getString("a.missing", "dflt")).isEqualTo("dflt");
        assertThat(configuration.getString("a.int", null)).isEqualTo("12");
        assertThatThrownBy(() -> configuration.getInteger("a.bool", 0)).hasMessageContaining("'a.bool'");
    }

    @Test
    void toMapRendersTypedValuesAsParsableText() {
        Configuration configuration = new Configuration()
                .set(TIMEOUT, Duration.ofSeconds(90))
                .set(SIZE, MemorySize.ofMebiBytes(64))
                .set(NAMES, List.of("x", "y;z"));

        Map<String, String> map = configuration.toMap();
        assertThat(map).containsEntry("test.timeout", "90 s").containsEntry("test.size", "64 mb");

        Configuration reread = Configuration.fromMap(map);
        assertThat(reread.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(reread.get(SIZE)).isEqualTo(MemorySize.ofMebiBytes(64));
        assertThat(reread.get(NAMES)).containsExactly("x", "y;z");
    }

    @Test
    void configurationsWithSameTextualValuesAreEqual() {
        Configuration typed = new Configuration().set(SLOTS, 3);
        Configuration text = Configuration.fromMap(Map.of("test.slots", "3"));

        assertThat(typed).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(typed).isNotEqualTo(new Configuration());
    }

    @Test
    void cloneIsIndependent() {
        Configuration original = new Configuration().set(SLOTS, 3);
        Configuration copy = original.clone();
        copy.set(SLOTS, 9);

        assertThat(original.get(SLOTS)).isEqualTo(3);
        assertThat(copy.get(SLOTS)).isEqualTo(9);
    }

    @Test
    void addAllOverwritesAndPrefixes() {
        Configuration target = Configuration.fromMap(Map.of("a", "1", "b", "2"));
        target.addAll(Configuration.fromMap(Map.of("b", "3")));
        target.addAll(Configuration.fromMap(Map.of("c", "4")), "p.");

        assertThat(target.toMap()).containsOnly(Map.entry("a", "1"), Map.entry("b", "3"), Map.entry("p.c", "4"));
        assertThat(target.containsKey("p.c")).isTrue();
        assertThat(target.removeKey("p.c")).isTrue();
        assertThat(target.containsKey("p.c")).isFalse();
    }

    @Test
    void toStringHidesSecretValues() {
        Configuration configuration = Configuration.fromMap(Map.of(
                "s3.secret-key", "s3cr3t",
                "security.ssl.keystore-password", "pw",
                "fs.azure.account.key.acct.blob.core.windows.net", "azkey",
                "taskmanager.numberOfTaskSlots", "4"));

        assertThat(configuration.toString())
                .doesNotContain("s3cr3t", "=pw", "azkey")
                .contains("taskmanager.numberOfTaskSlots=4")
                .contains("s3.secret-key=" + GlobalConfiguration.HIDDEN_CONTENT);
    }

    @Test
    void wrongTypedSecretValueIsNotShownInError() {
        ConfigOption<Integer> secret = ConfigOptions.key("my.password").intType().noDefaultValue();
        Configuration configuration = Configuration.fromMap(Map.of("my.password", "hunter2"));

        assertThatThrownBy(() -> configuration.get(secret))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining(GlobalConfiguration.HIDDEN_CONTENT);
    }

    @Test
    void settingNullIsRejectedWithHint() {
        assertThatThrownBy(() -> new Configuration().set(SLOTS, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("removeConfig");
    }

    @Test
    void primitiveGetterOfUnsetOptionWithoutDefaultSaysWhatToSet() {
        ConfigOption<Integer> port = ConfigOptions.key("some.port").intType().noDefaultValue();

        assertThatThrownBy(() -> new Configuration().getInteger(port))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("-D some.port=<value>");
    }
}

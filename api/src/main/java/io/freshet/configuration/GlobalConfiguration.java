package io.freshet.configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the cluster configuration from the configuration directory, as the scripts and entrypoints do.
 *
 * <p>The directory is, in order: the {@code configDir} argument; else the directory named by the
 * environment variable {@value #ENV_FLINK_CONF_DIR}; else {@code conf/} under the working directory. An
 * explicitly named directory (argument or environment) must exist. If the implicit {@code conf/} does not
 * exist, only the dynamic properties are returned (the situation of a program started from an IDE).
 *
 * <p>In the directory, the legacy flat {@value #LEGACY_FLINK_CONF_FILENAME} ({@code key: value} lines) is read
 * if it exists, as Flink 1.19 and 1.20 do (a user who copies an old file into {@code conf/} gets it), else
 * {@value #FLINK_CONF_FILENAME} (standard YAML, nested keys allowed); if neither exists loading fails. Dynamic properties ({@code -D key=value} on the command line) are laid over the
 * file and win over it. Loading is all or nothing: a malformed file raises an {@link
 * IllegalConfigurationException} naming file and line, and nothing is returned.
 *
 * <p>Each value remembers the file and line it came from, so that reading it later as the wrong type
 * reports that place. The loaded configuration is logged at INFO, with secret-looking values hidden (see
 * {@link #isSensitive(String)}).
 */
public final class GlobalConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfiguration.class);

    /** The legacy flat configuration file; when present it is read instead of {@value #FLINK_CONF_FILENAME}. */
    public static final String LEGACY_FLINK_CONF_FILENAME = "flink-conf.yaml";

    /** The standard YAML configuration file. */
    public static final String FLINK_CONF_FILENAME = "config.yaml";

    /** What secret values are replaced with in logs and in {@link Configuration#toString()}. */
    public static final String HIDDEN_CONTENT = "******";

    /** The environment variable naming the configuration directory. */
    public static final String ENV_FLINK_CONF_DIR = "FLINK_CONF_DIR";

    /** The configuration directory used when neither an argument nor the environment names one. */
    static final String DEFAULT_CONF_DIR = "conf";

    /** Words that mark a key as secret when they occur inside one of its dot-, dash- or underscore-parts. */
    private static final String[] SENSITIVE_FRAGMENTS = {
        "password", "passwd", "passphrase", "secret", "token", "credential", "apikey", "jaas"
    };

    /** Key parts that mark a key as secret only when they are the whole part (so {@code keystore} is not). */
    private static final String[] SENSITIVE_PARTS = {"key", "auth", "accesskey", "privatekey", "headers"};

    private GlobalConfiguration() {}

    // ---- loading ----

    /** Loads from the directory named by {@value #ENV_FLINK_CONF_DIR}, else from {@code conf/}. */
    public static Configuration loadConfiguration() {
        return loadConfiguration(null, new Configuration(), System::getenv);
    }

    /**
     * Loads from the directory named by {@value #ENV_FLINK_CONF_DIR}, else from {@code conf/}, and lays the
     * dynamic properties over the file.
     */
    public static Configuration loadConfiguration(Configuration dynamicProperties) {
        return loadConfiguration(null, dynamicProperties, System::getenv);
    }

    /**
     * Loads from {@code configDir}.
     *
     * @throws IllegalConfigurationException if the directory does not exist, holds no configuration file, or
     *     the file is malformed
     */
    public static Configuration loadConfiguration(String configDir) {
        return loadConfiguration(configDir, new Configuration(), System::getenv);
    }

    /**
     * Loads from {@code configDir} and lays the dynamic properties over the file.
     *
     * @throws IllegalConfigurationException as {@link #loadConfiguration(String)}
     */
    public static Configuration loadConfiguration(String configDir, Configuration dynamicProperties) {
        return loadConfiguration(configDir, dynamicProperties, System::getenv);
    }

    /**
     * Loads from {@code configDir} and lays the dynamic properties, given as key to text value, over the file.
     *
     * @throws IllegalConfigurationException as {@link #loadConfiguration(String)}
     */
    public static Configuration loadConfiguration(String configDir, Map<String, String> dynamicProperties) {
        return loadConfiguration(configDir, Configuration.fromMap(dynamicProperties), System::getenv);
    }

    /**
     * Loads as the public methods do, with the environment read through {@code environment} (for tests).
     *
     * @param configDir the configuration directory, or {@code null} to look at the environment and {@code conf/}
     */
    static Configuration loadConfiguration(
            String configDir, Configuration dynamicProperties, Function<String, String> environment) {
        Objects.requireNonNull(dynamicProperties, "dynamicProperties");
        Path directory = resolveConfigDir(configDir, environment);
        Configuration configuration;
        if (directory == null) {
            configuration = new Configuration();
        } else {
            configuration = loadFile(directory);
        }
        overlayDynamicProperties(configuration, dynamicProperties);
        return configuration;
    }

    private static Path resolveConfigDir(String configDir, Function<String, String> environment) {
        if (configDir != null) {
            return requireDirectory(Paths.get(configDir), "The configuration directory '" + configDir + "'",
                    "Pass the directory that holds " + FLINK_CONF_FILENAME + " or " + LEGACY_FLINK_CONF_FILENAME
                            + ".");
        }
        String fromEnvironment = environment.apply(ENV_FLINK_CONF_DIR);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return requireDirectory(Paths.get(fromEnvironment.trim()),
                    "The configuration directory '" + fromEnvironment + "' named by the environment variable "
                            + ENV_FLINK_CONF_DIR,
                    "Point " + ENV_FLINK_CONF_DIR + " at the directory that holds " + FLINK_CONF_FILENAME + " or "
                            + LEGACY_FLINK_CONF_FILENAME + ", or unset it to use ./" + DEFAULT_CONF_DIR + ".");
        }
        Path fallback = Paths.get(DEFAULT_CONF_DIR).toAbsolutePath().normalize();
        if (!Files.isDirectory(fallback)) {
            LOG.info("No configuration directory given, {} is not set and {} does not exist; using the "
                    + "default configuration plus dynamic properties.", ENV_FLINK_CONF_DIR, fallback);
            return null;
        }
        return fallback;
    }

    private static Path requireDirectory(Path directory, String what, String whatToDo) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            String problem = Files.exists(absolute) ? "is not a directory" : "does not exist";
            throw new IllegalConfigurationException(what + " (" + absolute + ") " + problem + ". " + whatToDo);
        }
        return absolute;
    }

    private static Configuration loadFile(Path directory) {
        Path yamlFile = directory.resolve(FLINK_CONF_FILENAME);
        Path legacyFile = directory.resolve(LEGACY_FLINK_CONF_FILENAME);
        Configuration configuration;
        Path loaded;
        if (Files.isRegularFile(legacyFile)) {
            if (Files.exists(yamlFile)) {
                LOG.warn("Both {} and {} exist; reading the legacy {} and ignoring {}, as Flink does."
                        + " Remove {} to use {}.", legacyFile, yamlFile, LEGACY_FLINK_CONF_FILENAME,
                        FLINK_CONF_FILENAME, LEGACY_FLINK_CONF_FILENAME, FLINK_CONF_FILENAME);
            }
            configuration = LegacyConfigFileParser.parse(legacyFile);
            loaded = legacyFile;
        } else if (Files.isRegularFile(yamlFile)) {
            configuration = YamlConfigFileParser.parse(yamlFile);
            loaded = yamlFile;
        } else {
            throw new IllegalConfigurationException("The configuration directory " + directory + " holds neither "
                    + FLINK_CONF_FILENAME + " nor " + LEGACY_FLINK_CONF_FILENAME + ". Create " + yamlFile
                    + " (an empty file is fine), or point " + ENV_FLINK_CONF_DIR + " at the right directory.");
        }
        LOG.info("Loaded configuration file {} with {} keys.", loaded, configuration.keySet().size());
        logValues("Configuration file property", configuration);
        return configuration;
    }

    private static void overlayDynamicProperties(Configuration configuration, Configuration dynamicProperties) {
        // Raw values keep their type: a Duration set in code stays a Duration.
        Map<String, Object> values = dynamicProperties.rawValues();
        values.forEach((key, value) -> configuration.setValue(key, value, ValueOrigin.dynamicProperties()));
        if (!values.isEmpty()) {
            logValues("Dynamic property", dynamicProperties);
        }
    }

    private static void logValues(String what, Configuration configuration) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        new TreeMap<>(configuration.toMap()).forEach((key, value) ->
                LOG.info("{}: {}: {}", what, key, isSensitive(key) ? HIDDEN_CONTENT : value));
    }

    // ---- secrets ----

    /**
     * Returns whether the key's value is likely a secret and must not be shown in logs, error messages or
     * {@link Configuration#toString()}.
     *
     * <p>The key is lower-cased and cut at {@code .}, {@code -} and {@code _} into parts. It is sensitive if a
     * part contains {@code password}, {@code passwd}, {@code passphrase}, {@code secret}, {@code token},
     * {@code credential}, {@code apikey} or {@code jaas}, or if a part is exactly {@code key}, {@code auth},
     * {@code accesskey}, {@code privatekey} or {@code headers}. So {@code s3.access-key}, {@code
     * security.ssl.key-password}, {@code fs.azure.account.key.acct.blob.core.windows.net} and {@code
     * metrics.reporter.x.http-headers} are hidden, while {@code security.ssl.keystore} (a path) and {@code
     * high-availability.cluster-id} are not.
     */
    public static boolean isSensitive(String key) {
        Objects.requireNonNull(key, "key");
        String lowerCase = key.toLowerCase(Locale.ROOT);
        for (String part : lowerCase.split("[._\\-\\s]+")) {
            for (String fragment : SENSITIVE_FRAGMENTS) {
                if (part.contains(fragment)) {
                    return true;
                }
            }
            for (String sensitivePart : SENSITIVE_PARTS) {
                if (part.equals(sensitivePart)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.freshet.runtime.entrypoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.GlobalConfiguration;
import io.freshet.configuration.KnownOptions;

/**
 * The command line of Freshet's processes, as the scripts pass it: {@code --configDir <dir>} (or {@code -c}),
 * {@code -D key=value} (or {@code -Dkey=value}, repeatable; wins over the configuration file), and for the
 * JobManager {@code --host <host>} and {@code --webui-port <port>}; {@code --executionMode} is accepted and
 * ignored, as Flink's scripts pass it.
 */
public final class EntrypointArguments {

    private final String configDir;
    private final Map<String, String> dynamicProperties;
    private final String host;
    private final Integer webUiPort;

    private EntrypointArguments(String configDir, Map<String, String> dynamicProperties, String host,
            Integer webUiPort) {
        this.configDir = configDir;
        this.dynamicProperties = dynamicProperties;
        this.host = host;
        this.webUiPort = webUiPort;
    }

    /** @throws IllegalArgumentException naming the argument that is unknown, lacks its value or is malformed */
    public static EntrypointArguments parse(String processName, String[] args) {
        String configDir = null;
        String host = null;
        Integer webUiPort = null;
        Map<String, String> dynamic = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--configDir":
                case "-c":
                    configDir = value(processName, args, ++i, arg);
                    break;
                case "--host":
                case "-h":
                    host = value(processName, args, ++i, arg);
                    break;
                case "--webui-port":
                case "-r":
                    String port = value(processName, args, ++i, arg);
                    try {
                        webUiPort = Integer.parseInt(port);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(processName + ": --webui-port expects a port number, not '"
                                + port + "'.");
                    }
                    break;
                case "--executionMode":
                case "-x":
                    value(processName, args, ++i, arg);
                    break;
                case "-D":
                    addDynamicProperty(processName, dynamic, value(processName, args, ++i, arg));
                    break;
                default:
                    if (arg.startsWith("-D") && arg.length() > 2) {
                        addDynamicProperty(processName, dynamic, arg.substring(2));
                        break;
                    }
                    throw new IllegalArgumentException(processName + ": unknown argument '" + arg + "'. Usage: "
                            + processName + " --configDir <dir> [-D key=value]... [--host <host>]"
                            + " [--webui-port <port>]");
            }
        }
        if (configDir == null) {
            configDir = System.getenv(GlobalConfiguration.ENV_FLINK_CONF_DIR);
        }
        if (configDir == null) {
            throw new IllegalArgumentException(processName + ": no configuration directory: pass --configDir <dir>"
                    + " or set FLINK_CONF_DIR.");
        }
        return new EntrypointArguments(configDir, dynamic, host, webUiPort);
    }

    private static String value(String processName, String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(processName + ": " + option + " needs a value.");
        }
        return args[index];
    }

    private static void addDynamicProperty(String processName, Map<String, String> properties, String keyValue) {
        int equals = keyValue.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(processName + ": -D expects key=value, not '" + keyValue + "'.");
        }
        properties.put(keyValue.substring(0, equals).trim(), keyValue.substring(equals + 1).trim());
    }

    /**
     * The configuration of the directory's config.yaml (or flink-conf.yaml) with the -D properties on top, every
     * known option checked: a process never starts with a value it would fail on later.
     *
     * @throws io.freshet.configuration.IllegalConfigurationException naming each bad key, its file and line
     */
    public Configuration loadConfiguration() {
        Configuration configuration = GlobalConfiguration.loadConfiguration(configDir, dynamicProperties);
        KnownOptions.validate(configuration, EntrypointArguments.class.getClassLoader());
        return configuration;
    }

    public String getConfigDir() {
        return configDir;
    }

    public Optional<String> getHost() {
        return Optional.ofNullable(host);
    }

    public Optional<Integer> getWebUiPort() {
        return Optional.ofNullable(webUiPort);
    }
}

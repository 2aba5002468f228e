package io.freshet.configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a legacy flat configuration file ({@code flink-conf.yaml}), the format before standard YAML.
 *
 * <p>Rules: one {@code key: value} per line, split at the first colon followed by a space; everything from
 * the first {@code #} on is a comment (also inside a value); keys and values are trimmed; values are kept as
 * text without YAML interpretation (no unquoting, lists as {@code a;b}, maps as {@code k1:v1,k2:v2}); blank
 * lines are skipped; a key set twice takes its last value (with a warning).
 *
 * <p>Unlike Flink, which skips a malformed line with a warning, a line without {@code ": "}, with an empty
 * key or with an empty value rejects the whole file with an {@link IllegalConfigurationException} naming
 * file and line: a silently ignored setting is harder to find than a failed start.
 */
final class LegacyConfigFileParser {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyConfigFileParser.class);

    private static final String SEPARATOR = ": ";

    private LegacyConfigFileParser() {}

    /** Parses {@code file} into a new configuration whose values remember their line. */
    static Configuration parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException("Could not read the configuration file " + file + ": "
                    + e.getMessage() + ". Check that the file exists, is readable and is UTF-8 text.", e);
        }
        Configuration configuration = new Configuration();
        Map<String, Integer> lineOfKey = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String content = stripComment(lines.get(index)).trim();
            if (content.isEmpty()) {
                continue;
            }
            int separator = content.indexOf(SEPARATOR);
            String key = separator < 0 ? stripTrailingColon(content) : content.substring(0, separator).trim();
            String value = separator < 0 ? "" : content.substring(separator + SEPARATOR.length()).trim();
            if (separator < 0 && !content.endsWith(":")) {
                throw malformed(file, lineNumber, content, "is not of the form 'key: value' (a colon followed by a"
                        + " space must separate key and value)");
            }
            if (key.isEmpty()) {
                throw malformed(file, lineNumber, content, "has an empty key");
            }
            if (value.isEmpty()) {
                throw malformed(file, lineNumber, content, "gives no value for key '" + key + "'");
            }
            Integer earlierLine = lineOfKey.put(key, lineNumber);
            if (earlierLine != null) {
                LOG.warn("Configuration file {} sets key '{}' on line {} and again on line {}; the later value "
                        + "wins.", file, key, earlierLine, lineNumber);
            }
            configuration.setValue(key, value, ValueOrigin.fileLine(file, lineNumber));
        }
        return configuration;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String stripTrailingColon(String content) {
        return content.endsWith(":") ? content.substring(0, content.length() - 1).trim() : content;
    }

    private static IllegalConfigurationException malformed(Path file, int line, String content, String problem) {
        // Do not echo a line that may hold a secret into logs.
        String shown = GlobalConfiguration.isSensitive(content) ? "" : " ('" + content + "')";
        return new IllegalConfigurationException("The configuration file " + file + " line " + line + shown + " "
                + problem + ". Write it as 'key: value', or comment it out with '#'.");
    }
}

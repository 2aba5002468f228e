package io.freshet.configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a standard YAML 1.2 configuration file ({@code config.yaml}).
 *
 * <p>Nested mappings flatten to dotted keys: {@code taskmanager: {numberOfTaskSlots: 4}} is the key {@code
 * taskmanager.numberOfTaskSlots}. Scalars keep their YAML type (integer, float, boolean, string) and
 * sequences become lists; conversion to an option's type happens when the option is read. Every key
 * remembers the line it was written on.
 *
 * <p>The file is rejected as a whole, with an {@link IllegalConfigurationException} naming file and line,
 * when it is not valid YAML, when its top level is not a mapping, when a key is empty or not a scalar, when
 * a key has no value, or when the same flattened key appears twice (also as {@code a.b: 1} next to {@code
 * a: {b: 2}}).
 */
final class YamlConfigFileParser {

    private final Path file;
    private final LoadSettings settings;
    private final Map<String, Integer> lineOfKey = new HashMap<>();

    private YamlConfigFileParser(Path file) {
        this.file = file;
        this.settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema()).build();
    }

    /** Parses {@code file} into a new configuration whose values remember their line. */
    static Configuration parse(Path file) {
        return new YamlConfigFileParser(file).parse();
    }

    private Configuration parse() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalConfigurationException(
                    "Could not read the configuration file " + file + ": " + e.getMessage()
                            + ". Check that the file exists and is readable.", e);
        }
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (YamlEngineException e) {
            throw syntaxError(e);
        }
        Configuration configuration = new Configuration();
        if (root.isEmpty()) {
            return configuration;
        }
        if (!(root.get() instanceof MappingNode)) {
            throw new IllegalConfigurationException("The configuration file " + file + " line "
                    + lineOf(root.get()) + " does not start with a mapping of keys to values. Write one "
                    + "'key: value' per line, e.g. 'taskmanager.numberOfTaskSlots: 4'.");
        }
        flatten("", (MappingNode) root.get(), configuration);
        return configuration;
    }

    private void flatten(String prefix, MappingNode mapping, Configuration into) {
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = lineOf(keyNode);
            if (!(keyNode instanceof ScalarNode) || ((ScalarNode) keyNode).getValue().isBlank()) {
                throw new IllegalConfigurationException("The configuration file " + file + " line " + line
                        + " has an empty or non-text key. Every key must be a plain name such as "
                        + "'parallelism.default'.");
            }
            String key = prefix + ((ScalarNode) keyNode).getValue().trim();
            Node valueNode = tuple.getValueNode();
            if (valueNode instanceof MappingNode && !((MappingNode) valueNode).getValue().isEmpty()) {
                flatten(key + ".", (MappingNode) valueNode, into);
                continue;
            }
            Object value = construct(valueNode);
            if (value == null) {
                throw new IllegalConfigurationException("The configuration file " + file + " line " + line
                        + " gives no value for key '" + key + "'. Add a value or remove the line (commenting it"
                        + " out with '#' keeps the default).");
            }
            Integer earlierLine = lineOfKey.putIfAbsent(key, line);
            if (earlierLine != null) {
                throw new IllegalConfigurationException("The configuration file " + file + " sets key '" + key
                        + "' twice, on line " + earlierLine + " and on line " + line
                        + " (nested keys count as dotted keys). Remove one of them.");
            }
            into.setValue(key, value, ValueOrigin.fileLine(file, line));
        }
    }

    private Object construct(Node node) {
        try {
            return new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
        } catch (YamlEngineException e) {
            throw syntaxError(e);
        }
    }

    private IllegalConfigurationException syntaxError(YamlEngineException e) {
        String where = "";
        String problem = e.getMessage();
        if (e instanceof MarkedYamlEngineException) {
            MarkedYamlEngineException marked = (MarkedYamlEngineException) e;
            Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
            if (mark.isPresent()) {
                where = " line " + (mark.get().getLine() + 1) + ", column " + (mark.get().getColumn() + 1);
            }
            problem = marked.getProblem() != null ? marked.getProblem() : problem;
            if (marked.getContext() != null) {
                problem = marked.getContext() + "; " + problem;
            }
        }
        return new IllegalConfigurationException("The configuration file " + file + where
                + " is not valid YAML: " + problem + ". Fix the syntax (config.yaml is standard YAML 1.2: indent "
                + "nested keys with spaces, not tabs, and quote values that contain ': ' or start with a special "
                + "character).", e);
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}

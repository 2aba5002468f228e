package io.freshet.client.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options and arguments of one action: options come first ({@code -p 4}, {@code --parallelism 4},
 * {@code -p4}, {@code -Dkey=value} or {@code -D key=value}), the first word that is not an option starts the
 * arguments (for {@code run}: the jar, then the program's own arguments, passed on untouched).
 */
final class CommandLine {

    private final Map<String, List<String>> values;
    private final List<String> arguments;

    private CommandLine(Map<String, List<String>> values, List<String> arguments) {
        this.values = values;
        this.arguments = arguments;
    }

    /** @throws IllegalArgumentException "Unrecognized option: -x" or "Missing argument for option: -p" */
    static CommandLine parse(CliAction action, String[] args, int from) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int i = from;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-")) {
            String word = args[i];
            if (word.equals("--")) {
                i++;
                break;
            }
            CliOption option = null;
            String inlineValue = null;
            for (CliOption candidate : action.options()) {
                if (word.equals("--" + candidate.longName()) || word.equals("-" + candidate.shortName())) {
                    option = candidate;
                    break;
                }
                if (candidate.argumentName() != null && candidate.shortName() != null
                        && candidate.shortName().length() == 1 && word.startsWith("-" + candidate.shortName())
                        && !word.startsWith("--")) {
                    option = candidate;
                    inlineValue = word.substring(2);
                    break;
                }
            }
            if (option == null) {
                throw new IllegalArgumentException("Unrecognized option: " + word);
            }
            String value = null;
            if (option.argumentName() != null) {
                if (inlineValue != null) {
                    value = inlineValue;
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("Missing argument for option: " + word);
                }
            }
            values.computeIfAbsent(key(option), k -> new ArrayList<>()).add(value);
            i++;
        }
        List<String> arguments = new ArrayList<>();
        for (; i < args.length; i++) {
            arguments.add(args[i]);
        }
        return new CommandLine(values, arguments);
    }

    private static String key(CliOption option) {
        return option.longName() != null ? option.longName() : option.shortName();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.ofNullable(all.get(all.size() - 1));
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    List<String> arguments() {
        return arguments;
    }
}

package io.freshet.runtime.util;

import java.util.ArrayList;
import java.util.List;

import io.freshet.configuration.IllegalConfigurationException;

/** Flink's port specifications: "0" (any free port), "6122", a list "50100,50101", ranges "50100-50200", mixed. */
public final class PortRange {

    private PortRange() {}

    /**
     * The ports of {@code spec} in the order given.
     *
     * @throws IllegalConfigurationException naming {@code optionKey} when the spec is not a port list or range
     */
    public static List<Integer> parse(String optionKey, String spec) {
        List<Integer> ports = new ArrayList<>();
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-');
            int from;
            int to;
            try {
                if (dash < 0) {
                    from = Integer.parseInt(trimmed);
                    to = from;
                } else {
                    from = Integer.parseInt(trimmed.substring(0, dash).trim());
                    to = Integer.parseInt(trimmed.substring(dash + 1).trim());
                }
            } catch (NumberFormatException e) {
                throw new IllegalConfigurationException("'%s' is '%s'; expected a port, a list like 50100,50101 or a"
                        + " range like 50100-50200.", optionKey, spec);
            }
            if (from < 0 || to > 65535 || from > to) {
                throw new IllegalConfigurationException("'%s' is '%s'; ports must lie in 0..65535, ranges go from low to"
                        + " high.", optionKey, spec);
            }
            for (int port = from; port <= to; port++) {
                ports.add(port);
            }
        }
        return ports;
    }
}

package io.freshet.streaming.api.functions.sink.filesystem;

import java.io.Serializable;

/** The prefix and suffix of the part files a file sink writes ({@code <prefix>-<uid>-<counter><suffix>}). */
public class OutputFileConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String partPrefix;
    private final String partSuffix;

    public OutputFileConfig(String partPrefix, String partSuffix) {
        this.partPrefix = partPrefix;
        this.partSuffix = partSuffix;
    }

    public String getPartPrefix() {
        return partPrefix;
    }

    public String getPartSuffix() {
        return partSuffix;
    }

    public static OutputFileConfigBuilder builder() {
        return new OutputFileConfigBuilder();
    }

    /** Builds an {@link OutputFileConfig}; defaults: prefix {@code part}, no suffix. */
    public static class OutputFileConfigBuilder {
        private String partPrefix = "part";
        private String partSuffix = "";

        public OutputFileConfigBuilder withPartPrefix(String prefix) {
            this.partPrefix = prefix;
            return this;
        }

        public OutputFileConfigBuilder withPartSuffix(String suffix) {
            this.partSuffix = suffix;
            return this;
        }

        public OutputFileConfig build() {
            return new OutputFileConfig(partPrefix, partSuffix);
        }
    }
}

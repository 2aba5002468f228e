package io.freshet.client.cli;

/**
 * Renders {@code docs/reference/cli.md} from the actions and options {@code bin/flink} itself parses, so that the
 * reference cannot drift from the command line ({@code CliReferenceUpToDateTest} checks the committed file).
 */
public final class CliReferenceGenerator {

    public static final String OUTPUT_PATH = "docs/reference/cli.md";

    private CliReferenceGenerator() {}

    public static String generate() {
        StringBuilder doc = new StringBuilder();
        doc.append("# `bin/flink` command-line reference\n\n")
                .append("<!-- Generated from io.freshet.client.cli.CliAction; do not edit. Regenerate with\n")
                .append("     mvn -B -q -ntp -pl runtime -am test -Dtest=CliReferenceUpToDateTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dfreshet.docs.regenerate=true -->\n\n")
                .append("```\n").append(CliFrontend.PROGRAM).append(" <ACTION> [OPTIONS] [ARGUMENTS]\n```\n\n")
                .append("General options: `-h,--help` (after an action: that action's help), `-v,--version`.\n\n")
                .append("The configuration is `$FLINK_CONF_DIR/config.yaml` (or a legacy `flink-conf.yaml`);")
                .append(" options given on the command line win. Exit code 0 on success, 1 on any error, with")
                .append(" the error on standard error under \"The program finished with the following")
                .append(" exception:\".\n\n");
        for (CliAction action : CliAction.values()) {
            doc.append("## ").append(action.actionName()).append("\n\n")
                    .append("`").append(action.actionName()).append("` ").append(action.description()).append("\n\n")
                    .append("```\n").append(CliFrontend.PROGRAM).append(' ').append(action.syntax()).append("\n```\n\n")
                    .append("| option | meaning |\n| --- | --- |\n");
            for (CliOption option : action.options()) {
                doc.append("| `").append(option.synopsis()).append("` | ")
                        .append(option.description().replace("|", "\\|")).append(" |\n");
            }
            doc.append('\n');
        }
        return doc.toString();
    }
}

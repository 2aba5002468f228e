package io.freshet.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliFrontendTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final CliFrontend frontend =
            new CliFrontend(new PrintStream(captured, true, StandardCharsets.UTF_8), "1.2.3-TEST");

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void helpPrintsUsageOfEveryActionAndSucceeds(String helpFlag) {
        int exitCode = frontend.run(helpFlag);

        assertThat(exitCode).isZero();
        assertThat(output())
                .startsWith("./flink <ACTION> [OPTIONS] [ARGUMENTS]")
                .contains("-v,--version")
                .contains("Action \"run\" compiles and runs a program.")
                .contains("Syntax: run [OPTIONS] <jar-file> <arguments>")
                .contains("-c,--class <classname>", "-p,--parallelism <parallelism>", "-d,--detached")
                .contains("-s,--fromSavepoint <savepointPath>", "-t,--target <target>", "-D <property=value>")
                .contains("Syntax: stop [OPTIONS] <Job ID>", "-p,--savepointPath <savepointPath>")
                .contains("Syntax: savepoint [OPTIONS] <Job ID> [<target directory>]");
        for (CliAction action : CliAction.values()) {
            assertThat(output()).contains("Action \"" + action.actionName() + "\" ");
        }
    }

    @Test
    void noArgumentsAsksForAnActionAndFails() {
        int exitCode = frontend.run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(output())
                .startsWith("Please specify an action.")
                .contains("./flink <ACTION> [OPTIONS] [ARGUMENTS]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v", "--version"})
    void versionPrintsTheVersion(String versionFlag) {
        int exitCode = frontend.run(versionFlag);

        assertThat(exitCode).isZero();
        assertThat(output()).isEqualTo("Version: 1.2.3-TEST" + System.lineSeparator());
    }

    @Test
    void versionIsUnknownWithoutManifestEntry() {
        assertThat(CliFrontend.versionOrUnknown(null)).isEqualTo("<unknown>");
        assertThat(CliFrontend.versionOrUnknown(" ")).isEqualTo("<unknown>");
        assertThat(CliFrontend.versionOrUnknown("0.1.0-SNAPSHOT")).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void unknownActionIsRejectedWithTheValidActions() {
        int exitCode = frontend.run("sumbit", "job.jar");

        assertThat(exitCode).isEqualTo(1);
        assertThat(output())
                .startsWith("\"sumbit\" is not a valid action.")
                .contains(
                        "Valid actions are \"run\", \"run-application\", \"info\", \"list\", \"stop\","
                                + " \"cancel\", \"savepoint\".");
    }

    @Test
    void runApplicationWithoutADeployerForItsTargetSaysWhatIsMissing(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createFile(directory.resolve("program.jar"));

        int exitCode = frontend.run("run-application", "-t", "yarn-application", jar.toString());

        // the yarn-integration module, which deploys application clusters, is not on this module's classpath
        assertThat(exitCode).isEqualTo(1);
        assertThat(output()).contains("Application mode needs a target that runs programs on the cluster")
                .contains("'yarn-application' does not");
    }

    @ParameterizedTest
    @EnumSource(value = CliAction.class, names = {"STOP", "SAVEPOINT"})
    void savepointActionsNeedAValidJobId(CliAction action) {
        assertThat(frontend.run(action.actionName())).isEqualTo(1);
        assertThat(output()).contains("Missing JobID");
        assertThat(frontend.run(action.actionName(), "not-a-job-id")).isEqualTo(1);
        assertThat(output()).contains("'not-a-job-id' is not a valid JobID");
    }

    @Test
    void disposingOfSomethingThatIsNotASavepointFails(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        assertThat(frontend.run("savepoint", "--dispose", directory.toUri().toString())).isEqualTo(1);
        assertThat(output()).contains("There is no checkpoint or savepoint at");
        assertThat(directory).exists();
    }

    @Test
    void helpAfterAnActionPrintsOnlyThatAction() {
        int exitCode = frontend.run("cancel", "--help");

        assertThat(exitCode).isZero();
        assertThat(output())
                .startsWith("Action \"cancel\" cancels a running job.")
                .contains("Syntax: cancel [OPTIONS] <Job ID>")
                .doesNotContain("Syntax: run ");
    }
}

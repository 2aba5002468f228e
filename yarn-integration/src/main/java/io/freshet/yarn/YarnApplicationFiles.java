package io.freshet.yarn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * The files and the command line of Freshet's containers, shared by the client (the ApplicationMaster's container)
 * and the YARN resource manager (the TaskManagers' containers).
 *
 * <p>A container's working directory holds every file of the application's staging directory under its path
 * relative to it ({@code flink-conf.yaml}, {@code lib/<jar>}, shipped files) and the jars of the provided lib
 * directories under {@code lib/}. Its classpath is the working directory, its jars, {@code lib/*}, YARN's
 * {@code yarn.application.classpath} (the cluster's Hadoop) and {@code yarn.classpath.extra}.
 */
public final class YarnApplicationFiles {

    private YarnApplicationFiles() {}

    /** A file of a shared file system as a container's resource, checked by YARN against its size and time. */
    public static LocalResource localResource(FileStatus file) {
        return LocalResource.newInstance(URL.fromPath(file.getPath()), LocalResourceType.FILE,
                LocalResourceVisibility.APPLICATION, file.getLen(), file.getModificationTime());
    }

    /**
     * Every file under {@code stagingDirectory} (by its relative path) and every file directly in the
     * {@code providedLibDirectories} (as {@code lib/<name>}).
     */
    public static Map<String, LocalResource> listLocalResources(org.apache.hadoop.conf.Configuration hadoop,
            Path stagingDirectory, List<String> providedLibDirectories) throws IOException {
        Map<String, LocalResource> resources = new LinkedHashMap<>();
        for (String directory : providedLibDirectories) {
            Path libDirectory = new Path(directory);
            FileSystem fs = libDirectory.getFileSystem(hadoop);
            FileStatus[] files;
            try {
                if (!fs.getFileStatus(libDirectory).isDirectory()) {
                    throw new IOException("The provided lib directory " + libDirectory + " ('yarn.provided.lib.dirs')"
                            + " is a file, not a directory. Name the directory that holds Freshet's lib/ jars.");
                }
                files = fs.listStatus(libDirectory);
            } catch (java.io.FileNotFoundException e) {
                throw new IOException("The provided lib directory " + libDirectory + " ('yarn.provided.lib.dirs')"
                        + " does not exist. Upload Freshet's lib/ jars there, or unset the option.", e);
            }
            for (FileStatus file : files) {
                if (file.isFile()) {
                    resources.put(YarnConfigKeys.LIB_DIR + "/" + file.getPath().getName(), localResource(file));
                }
            }
        }
        FileSystem fs = stagingDirectory.getFileSystem(hadoop);
        Path qualified = fs.makeQualified(stagingDirectory);
        String prefix = qualified.toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(qualified, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String path = file.getPath().toUri().getPath();
            if (path.startsWith(prefix)) {
                resources.put(path.substring(prefix.length()), localResource(file));
            }
        }
        return resources;
    }

    /** The classpath of Freshet's containers, in YARN's expansion syntax ({@code {{PWD}}}, {@code <CPS>}). */
    public static String containerClasspath(YarnConfiguration yarn, List<String> extraEntries) {
        List<String> entries = new ArrayList<>();
        String pwd = ApplicationConstants.Environment.PWD.$$();
        entries.add(pwd);
        entries.add(pwd + "/*");
        entries.add(pwd + "/" + YarnConfigKeys.LIB_DIR + "/*");
        for (String entry : yarn.getStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH)) {
            entries.add(entry.trim());
        }
        entries.addAll(extraEntries);
        return String.join(ApplicationConstants.CLASS_PATH_SEPARATOR, entries);
    }

    /**
     * {@code java <jvm arguments> -Dlog.file=<log dir>/<role>.log <main class> <arguments>}, with the standard
     * streams into {@code <role>.out} and {@code <role>.err} of the container's log directory.
     *
     * @param withLog4jFile whether the container has {@value YarnConfigKeys#LOG4J_FILE} to configure logging
     */
    public static List<String> javaCommand(String role, String jvmArguments, boolean withLog4jFile, String mainClass,
            List<String> arguments) {
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        StringBuilder command = new StringBuilder();
        command.append(ApplicationConstants.Environment.JAVA_HOME.$$()).append("/bin/java");
        if (!jvmArguments.isBlank()) {
            command.append(' ').append(jvmArguments.trim());
        }
        command.append(" -Dlog.file=").append(logDir).append('/').append(role).append(".log");
        if (withLog4jFile) {
            command.append(" -Dlog4j.configurationFile=file:").append(YarnConfigKeys.LOG4J_FILE);
        }
        command.append(' ').append(mainClass);
        for (String argument : arguments) {
            command.append(' ').append(shellQuote(argument));
        }
        command.append(" 1> ").append(logDir).append('/').append(role).append(".out");
        command.append(" 2> ").append(logDir).append('/').append(role).append(".err");
        return List.of(command.toString());
    }

    private static String shellQuote(String argument) {
        if (argument.matches("[A-Za-z0-9_./:=@,+-]+")) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}

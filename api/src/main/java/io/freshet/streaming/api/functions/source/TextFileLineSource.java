package io.freshet.streaming.api.functions.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The lines of a local text file (or of every file in a directory, in name order), then the end of the stream.
 * Not parallel: one reader reads everything. Paths with a scheme other than {@code file:} need the Hadoop file
 * systems of the hdfs-checkpoints module.
 */
@Deprecated
public class TextFileLineSource implements SourceFunction<String>,
        io.freshet.streaming.api.checkpoint.CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String charsetName;
    private volatile boolean running = true;

    public TextFileLineSource(String path, String charsetName) {
        this.path = path;
        this.charsetName = charsetName;
    }

    /** Lines read in this run, counted against {@link #emitted} to skip those emitted before a restore. */
    private transient long read;

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        read = 0;
        Path file = toPath(path);
        if (Files.isDirectory(file)) {
            try (var files = Files.list(file)) {
                for (Path child : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    readLines(child, ctx);
                }
            }
        } else {
            readLines(file, ctx);
        }
    }

    private void readLines(Path file, SourceContext<String> ctx) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, Charset.forName(charsetName))) {
            String line;
            Object lock = ctx.getCheckpointLock();
            while (running && (line = reader.readLine()) != null) {
                if (read++ < emitted.count) {
                    continue; // emitted before the checkpoint this run restores
                }
                synchronized (lock) {
                    ctx.collect(line);
                    emitted.count++;
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("The input file " + file + " does not exist (readTextFile(\"" + path + "\")).", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path toPath(String path) {
        if (path.startsWith("file:")) {
            return Paths.get(java.net.URI.create(path));
        }
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("readTextFile(\"" + path + "\"): the scheme of this path needs a Hadoop"
                    + " file system, which this build cannot read yet; use a local path or a file: URI.");
        }
        return Paths.get(path);
    }

    @Override
    public void cancel() {
        running = false;
    }

    // ---- checkpoints ----

    private final EmittedRecords emitted = new EmittedRecords();

    @Override
    public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
        emitted.initialize(context);
    }

    @Override
    public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
        emitted.snapshot();
    }
}

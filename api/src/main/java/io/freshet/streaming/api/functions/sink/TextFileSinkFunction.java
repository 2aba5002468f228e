package io.freshet.streaming.api.functions.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import io.freshet.api.java.tuple.Tuple;
import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FileSystem.WriteMode;

/**
 * The sink of {@code writeAsText} and {@code writeAsCsv}: each record becomes one line (one row) of a local file.
 *
 * <p>Where it writes, as Flink's file output formats: with parallelism 1 to the file {@code path}; with more, to
 * the directory {@code path}, each subtask to the file named after its number from 1 ({@code path/1},
 * {@code path/2}, ...). A file that exists fails the subtask under {@link WriteMode#NO_OVERWRITE}, naming it, and is
 * replaced under {@link WriteMode#OVERWRITE}. Each subtask handles only its own file, so files of other numbers
 * that an earlier run left in the directory stay. Lines are UTF-8; the file is complete when the input ends.
 */
@Deprecated
public final class TextFileSinkFunction<T> extends RichSinkFunction<T> {

    private static final long serialVersionUID = 1L;

    private static final Object DIRECTORY_LOCK = new Object();

    private final String path;
    private final WriteMode writeMode;
    /** null: the record's toString(); else the tuple fields joined by this. */
    private final String fieldDelimiter;
    private final String rowDelimiter;

    private transient Writer writer;
    private transient StringBuilder row;

    private TextFileSinkFunction(String path, WriteMode writeMode, String rowDelimiter, String fieldDelimiter) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A file sink needs a path.");
        }
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !path.startsWith("file:")) {
            throw new IllegalArgumentException("The path " + path + " needs a Hadoop file system, which this build"
                    + " cannot write yet; use a local path or a file: URI.");
        }
        this.path = path;
        this.writeMode = Objects.requireNonNull(writeMode, "writeMode");
        this.rowDelimiter = Objects.requireNonNull(rowDelimiter, "rowDelimiter");
        this.fieldDelimiter = fieldDelimiter;
    }

    /** Writes {@code toString()} of each record, one per line. */
    public static <T> TextFileSinkFunction<T> text(String path, WriteMode writeMode) {
        return new TextFileSinkFunction<>(path, writeMode, "\n", null);
    }

    /** Writes tuples, one per row, their fields' {@code toString()} separated by {@code fieldDelimiter}. */
    public static <T> TextFileSinkFunction<T> csv(String path, WriteMode writeMode, String rowDelimiter,
            String fieldDelimiter) {
        return new TextFileSinkFunction<>(path, writeMode, rowDelimiter,
                Objects.requireNonNull(fieldDelimiter, "fieldDelimiter"));
    }

    @Override
    public void open(Configuration parameters) throws IOException {
        Path target = path.startsWith("file:") ? Paths.get(java.net.URI.create(path)) : Paths.get(path);
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        Path file = target;
        if (parallelism > 1) {
            prepareDirectory(target);
            file = target.resolve(String.valueOf(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1));
        } else if (Files.isDirectory(target)) {
            throw new IOException("The sink cannot write the file " + target + ": it is a directory. Choose another"
                    + " path, or delete the directory.");
        }
        if (Files.exists(file)) {
            refuseUnlessOverwrite(file);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    writeMode == WriteMode.OVERWRITE ? StandardOpenOption.TRUNCATE_EXISTING
                            : StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            refuseUnlessOverwrite(file);
        }
        row = new StringBuilder();
    }

    private void refuseUnlessOverwrite(Path existing) throws IOException {
        if (writeMode == WriteMode.NO_OVERWRITE) {
            throw new IOException("The file " + existing + " exists already, and the sink's write mode is NO_OVERWRITE,"
                    + " which never replaces existing files. Use WriteMode.OVERWRITE (writeAsText(path,"
                    + " FileSystem.WriteMode.OVERWRITE)) to replace it, or choose another path.");
        }
    }

    /**
     * Makes {@code directory} a directory; the subtasks of one TaskManager do this one at a time, so that only one
     * of them replaces a file there (under OVERWRITE) and none deletes the directory another just created.
     */
    private void prepareDirectory(Path directory) throws IOException {
        synchronized (DIRECTORY_LOCK) {
            if (Files.isRegularFile(directory)) {
                refuseUnlessOverwrite(directory);
                Files.delete(directory);
            }
            Files.createDirectories(directory);
        }
    }

    @Override
    public void invoke(T value, Context context) throws IOException {
        if (fieldDelimiter == null) {
            writer.write(String.valueOf(value));
        } else {
            Tuple tuple = (Tuple) value;
            row.setLength(0);
            for (int i = 0; i < tuple.getArity(); i++) {
                if (i > 0) {
                    row.append(fieldDelimiter);
                }
                Object field = tuple.getField(i);
                row.append(field == null ? "" : field.toString());
            }
            writer.append(row);
        }
        writer.write(rowDelimiter);
    }

    @Override
    public void finish() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}

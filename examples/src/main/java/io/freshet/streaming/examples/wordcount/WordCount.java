package io.freshet.streaming.examples.wordcount;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.configuration.Configuration;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.RichSinkFunction;
import io.freshet.util.Collector;

/**
 * Counts words, printing each word's count as it changes, as Flink's streaming WordCount does:
 * {@code bin/flink run examples/streaming/WordCount.jar [--input <file>] [--output <dir>]}.
 *
 * <p>A source of lines (the file, or a default text), a tokenizer emitting {@code (word,1)}, a running sum per word
 * ({@code keyBy} + {@code sum}), and a sink printing {@code (word,count)} — to standard output, or with
 * {@code --output} to one file per sink subtask.
 */
public final class WordCount {

    /** Used when no --input is given. */
    static final String[] DEFAULT_TEXT = {
        "The river rose in the night and the river ran fast,",
        "and the fast water carried the ice down to the sea;",
        "by morning the ice was gone and the river ran clear."
    };

    private WordCount() {}

    /** The text counted when no --input is given (the other examples use it too). */
    public static String[] defaultText() {
        return DEFAULT_TEXT.clone();
    }

    public static void main(String[] args) throws Exception {
        String input = option(args, "--input");
        String output = option(args, "--output");
        if (input == null) {
            System.out.println("Executing WordCount example with default input data set.");
            System.out.println("Use --input to specify file input.");
        } else if (!Files.isReadable(Paths.get(input))) {
            throw new IllegalArgumentException("The input file " + input + " does not exist or cannot be read.");
        }
        if (output == null) {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, input, output);
        env.execute("WordCount");
    }

    /** Adds the WordCount pipeline to {@code env}. */
    static void build(StreamExecutionEnvironment env, String input, String output) {
        DataStream<String> text = input == null ? env.fromElements(DEFAULT_TEXT) : env.readTextFile(input);
        DataStream<Tuple2<String, Integer>> counts = text
                .flatMap(new Tokenizer()).name("tokenizer")
                .keyBy(value -> value.f0)
                .sum(1).name("counter");
        if (output == null) {
            counts.print().name("print-sink");
        } else {
            counts.addSink(new DirectorySink<>(Paths.get(output).toAbsolutePath().toString())).name("file-sink");
        }
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Splits lines into lower-case words and emits {@code (word,1)} for each. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.toLowerCase().split("\\W+")) {
                if (!word.isEmpty()) {
                    out.collect(new Tuple2<>(word, 1));
                }
            }
        }
    }

    /** Writes every record's {@code toString()} to {@code <directory>/<subtask>}, one file per sink subtask. */
    public static final class DirectorySink<T> extends RichSinkFunction<T> {
        private static final long serialVersionUID = 1L;
        private final String directory;
        private transient PrintStream out;

        DirectorySink(String directory) {
            this.directory = directory;
        }

        @Override
        public void open(Configuration parameters) throws IOException {
            Path dir = Files.createDirectories(Paths.get(directory));
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1;
            out = new PrintStream(Files.newOutputStream(dir.resolve(String.valueOf(subtask))), false,
                    StandardCharsets.UTF_8);
        }

        @Override
        public void invoke(T value, Context context) {
            out.println(value);
        }

        @Override
        public void close() {
            if (out != null) {
                out.close();
            }
        }
    }

    /** Reads a whole output directory back: the last count written per word. */
    static Map<String, Integer> readCounts(Path outputDirectory) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (var files = Files.list(outputDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String body = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    int comma = body.lastIndexOf(',');
                    counts.put(body.substring(0, comma), Integer.parseInt(body.substring(comma + 1)));
                }
            }
        }
        return counts;
    }
}

package io.freshet.streaming.examples.wordcount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.client.program.JobGraphEnvironment;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.ChannelSelector;
import io.freshet.runtime.io.network.api.writer.KeyGroupStreamPartitioner;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;

/**
 * Counts words, printing each word's count as it changes, as Flink's streaming WordCount does:
 * {@code bin/flink run -t local examples/streaming/WordCount.jar [--input <file>] [--output <dir>]}.
 *
 * <p>Until the DataStream API is available this example builds its job graph by hand: a source reading lines, a
 * tokenizer emitting {@code (word,1)} partitioned by word, and a counter printing {@code (word,count)} (to standard
 * output, or with {@code --output} to one file per counter subtask). Its command line and output stay the same when
 * it is rewritten on the DataStream API.
 */
public final class WordCount {

    static final String INPUT = "wordcount.input";
    static final String OUTPUT = "wordcount.output";
    private static final int MAX_PARALLELISM = 128;

    /** Used when no --input is given. */
    static final String DEFAULT_TEXT = String.join("\n",
            "The river rose in the night and the river ran fast,",
            "and the fast water carried the ice down to the sea;",
            "by morning the ice was gone and the river ran clear.");

    private WordCount() {}

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
        JobGraphEnvironment env = JobGraphEnvironment.getExecutionEnvironment();
        env.execute(jobGraph(input, output, env.getParallelism()));
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    static JobGraph jobGraph(String input, String output, int parallelism) {
        JobVertex source = new JobVertex("Source: lines");
        source.setInvokableClassName(LineSource.class.getName());
        source.setParallelism(1);
        if (input != null) {
            source.getConfiguration().setString(INPUT, Paths.get(input).toAbsolutePath().toString());
        }
        JobVertex tokenizer = new JobVertex("Tokenizer");
        tokenizer.setInvokableClassName(Tokenizer.class.getName());
        tokenizer.setParallelism(parallelism);
        tokenizer.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL,
                ResultPartitionType.PIPELINED_BOUNDED);
        JobVertex counter = new JobVertex("Counter -> Sink: Print");
        counter.setInvokableClassName(Counter.class.getName());
        counter.setParallelism(parallelism);
        if (output != null) {
            counter.getConfiguration().setString(OUTPUT, Paths.get(output).toAbsolutePath().toString());
        }
        counter.connectNewDataSetAsInput(tokenizer, DistributionPattern.ALL_TO_ALL,
                ResultPartitionType.PIPELINED_BOUNDED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        tokenizer.setSlotSharingGroup(group);
        counter.setSlotSharingGroup(group);
        return new JobGraph(null, "WordCount", source, tokenizer, counter);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> RecordWriter<T> writer(Environment environment, TypeSerializer<T> serializer,
            ChannelSelector<T> selector) {
        return new RecordWriter<>(environment.getWriter(0), (BufferProvider) environment.getWriter(0), selector,
                serializer);
    }

    private static TypeSerializer<Tuple2<String, Integer>> wordCountSerializer() {
        return Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer(new ExecutionConfig());
    }

    /** Reads the input file (or the default text) line by line. */
    public static final class LineSource extends AbstractInvokable {
        public LineSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String path = getTaskConfiguration().getString(INPUT, null);
            RecordWriter<String> writer = writer(getEnvironment(), StringSerializer.INSTANCE,
                    new RebalancePartitioner<>());
            try (BufferedReader lines = path == null ? new BufferedReader(new StringReader(DEFAULT_TEXT))
                    : Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    writer.emit(line);
                }
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Splits lines into lower-case words and emits {@code (word,1)}, partitioned by word. */
    public static final class Tokenizer extends AbstractInvokable {
        public Tokenizer(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            RecordWriter<Tuple2<String, Integer>> writer = writer(getEnvironment(), wordCountSerializer(),
                    new KeyGroupStreamPartitioner<Tuple2<String, Integer>, String>(pair -> pair.f0, MAX_PARALLELISM));
            RecordReader<String> lines = new RecordReader<>(getEnvironment().getInputGate(0), StringSerializer.INSTANCE,
                    false);
            Tuple2<String, Integer> pair = new Tuple2<>();
            String line;
            while ((line = lines.next()) != null) {
                for (String word : line.toLowerCase().split("\\W+")) {
                    if (!word.isEmpty()) {
                        pair.f0 = word;
                        pair.f1 = 1;
                        writer.emit(pair);
                    }
                }
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Sums the counts per word and prints every new count as {@code (word,count)}. */
    public static final class Counter extends AbstractInvokable {
        public Counter(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String output = getTaskConfiguration().getString(OUTPUT, null);
            int subtask = getEnvironment().getTaskInfo().getIndexOfThisSubtask();
            int parallelism = getEnvironment().getTaskInfo().getNumberOfParallelSubtasks();
            // Flink's print sink prefixes "n> " with more than one subtask
            String prefix = output == null && parallelism > 1 ? (subtask + 1) + "> " : "";
            PrintStream out = System.out;
            if (output != null) {
                Path directory = Files.createDirectories(Paths.get(output));
                out = new PrintStream(Files.newOutputStream(directory.resolve(String.valueOf(subtask + 1))), false,
                        StandardCharsets.UTF_8);
            }
            try {
                RecordReader<Tuple2<String, Integer>> pairs = new RecordReader<>(getEnvironment().getInputGate(0),
                        wordCountSerializer(), true);
                Map<String, Integer> counts = new HashMap<>();
                Tuple2<String, Integer> pair;
                while ((pair = pairs.next()) != null) {
                    int count = counts.merge(pair.f0, pair.f1, Integer::sum);
                    out.println(prefix + Tuple2.of(pair.f0, count));
                }
            } finally {
                if (out != System.out) {
                    out.close();
                } else {
                    out.flush();
                }
            }
        }
    }

    /** Reads a whole output directory back: the last count printed per word. */
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

package io.freshet.streaming.examples.socket;

import java.time.Duration;

import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.java.utils.ParameterTool;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.freshet.util.Collector;

/**
 * Counts the words a text server sends, in windows of five seconds of processing time, as Flink's
 * SocketWindowWordCount does: {@code bin/flink run examples/streaming/SocketWindowWordCount.jar --port 9000
 * [--hostname <host>]}.
 *
 * <p>For a text server, run {@code nc -lk 9000} and type lines into it. Every five seconds the job prints
 * {@code word : count} for each word seen in those five seconds. It ends when the server closes the connection.
 */
public final class SocketWindowWordCount {

    private SocketWindowWordCount() {}

    public static void main(String[] args) throws Exception {
        String hostname;
        int port;
        try {
            ParameterTool params = ParameterTool.fromArgs(args);
            hostname = params.get("hostname", "localhost");
            port = params.getInt("port");
        } catch (RuntimeException e) {
            System.err.println("No port given (" + e.getMessage() + "). Run 'SocketWindowWordCount --hostname"
                    + " <hostname> --port <port>' with the address of a text server (the hostname defaults to"
                    + " localhost).");
            System.err.println("For a text server, run 'nc -lk <port>' and type lines into it.");
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, hostname, port);
        env.execute("Socket Window WordCount");
    }

    /** Adds the pipeline to {@code env}. */
    static void build(StreamExecutionEnvironment env, String hostname, int port) {
        DataStream<WordWithCount> windowCounts = env.socketTextStream(hostname, port, "\n")
                .flatMap(new Splitter()).name("split")
                .keyBy(value -> value.word)
                .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(5)))
                .reduce(new SumCounts()).name("count");

        // one printer, so the lines carry no subtask prefix
        windowCounts.print().setParallelism(1);
    }

    /** Emits {@code (word, 1)} for each word of a line (words are separated by white space). */
    public static final class Splitter implements FlatMapFunction<String, WordWithCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<WordWithCount> out) {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    out.collect(new WordWithCount(word, 1L));
                }
            }
        }
    }

    /** Adds the counts of one word. */
    public static final class SumCounts implements ReduceFunction<WordWithCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public WordWithCount reduce(WordWithCount a, WordWithCount b) {
            return new WordWithCount(a.word, a.count + b.count);
        }
    }

    /** A word and how often it was seen: a POJO, printed as {@code word : count}. */
    public static class WordWithCount {

        public String word;
        public long count;

        public WordWithCount() {}

        public WordWithCount(String word, long count) {
            this.word = word;
            this.count = count;
        }

        @Override
        public String toString() {
            return word + " : " + count;
        }
    }
}

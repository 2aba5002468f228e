package io.freshet.streaming.examples.windowing;

import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.utils.ParameterTool;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.examples.wordcount.WordCount;

/**
 * Counts words in count windows, as Flink's WindowWordCount does:
 * {@code bin/flink run examples/streaming/WindowWordCount.jar [--input <file>] [--output <path>] [--window <n>]
 * [--slide <n>]}.
 *
 * <p>Per word, a window holds the word's last {@code --window} occurrences (250 by default) and fires every
 * {@code --slide} occurrences (150 by default), emitting {@code (word,count)} where count is the number of
 * occurrences the window holds. Without {@code --input} it counts a built-in text; without {@code --output} it prints
 * the counts.
 */
public final class WindowWordCount {

    private WindowWordCount() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);
        if (!params.has("input")) {
            System.out.println("Executing WindowWordCount example with default input data set.");
            System.out.println("Use --input to specify file input.");
        }
        if (!params.has("output")) {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
        }
        build(env, params);
        env.execute("WindowWordCount");
    }

    /** Adds the pipeline to {@code env}. */
    static void build(StreamExecutionEnvironment env, ParameterTool params) {
        DataStream<String> text = params.has("input") ? env.readTextFile(params.get("input"))
                : env.fromElements(defaultText());
        int windowSize = params.getInt("window", 250);
        int slideSize = params.getInt("slide", 150);

        DataStream<Tuple2<String, Integer>> counts = text
                .flatMap(new WordCount.Tokenizer()).name("tokenizer")
                .keyBy(value -> value.f0)
                .countWindow(windowSize, slideSize)
                .sum(1).name("counter");

        if (params.has("output")) {
            counts.writeAsText(params.get("output")).name("file-sink");
        } else {
            counts.print().name("print-sink");
        }
    }

    /** The built-in text: WordCount's, thirty times over, so that frequent words fill the default windows. */
    static String[] defaultText() {
        String[] verse = WordCount.defaultText();
        String[] text = new String[verse.length * 30];
        for (int i = 0; i < text.length; i++) {
            text[i] = verse[i % verse.length];
        }
        return text;
    }
}

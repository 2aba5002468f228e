package io.freshet.yarn.programs;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.util.Collector;

/** {@code WordCountProgram <input> <output>}: counts the words of the input files (e.g. on HDFS), as they come. */
public final class WordCountProgram {

    private WordCountProgram() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(args[0])).build(),
                        WatermarkStrategy.noWatermarks(), "input")
                .flatMap(new Tokenizer())
                .keyBy(t -> t.f0)
                .sum(1)
                .writeAsText(args[1], FileSystem.WriteMode.OVERWRITE);
        env.execute("WordCount on YARN");
    }

    /** (word, 1) for every word of a line. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.toLowerCase().split("\\W+")) {
                if (!word.isEmpty()) {
                    out.collect(Tuple2.of(word, 1));
                }
            }
        }
    }
}

package vn.tracuu.analysis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.tracuu.analysis.VietnameseAnalyzer;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.Segmentation;
import vn.tracuu.analysis.segment.Word;

/**
 * JMH benchmark of Vietnamese analysis on real text: StandardAnalyzer (the baseline), tracuu's
 * exact and folded chains, and the segmenter alone (into a reused {@link Segmentation}, as the
 * tokenizer calls it, and as a list of {@link Word}s). One operation analyses the whole sample;
 * {@link AnalysisBench} runs it and turns operations per second into MB/s and ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalysisBenchmark {

  /** A JSON-lines file (string fields title, lead, body, text are read) or a plain text file. */
  @Param("")
  public String textFile;

  /** Stop reading the file after this many UTF-8 bytes. */
  @Param("2000000")
  public long maxBytes;

  private List<String> texts;
  private Analyzer standard;
  private Analyzer exact;
  private Analyzer folded;
  private DictionarySegmenter segmenter;
  private Segmentation reused;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    texts = readTexts(Path.of(textFile), maxBytes);
    standard = new StandardAnalyzer();
    exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
    folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED);
    segmenter = new DictionarySegmenter();
    reused = new Segmentation();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    standard.close();
    exact.close();
    folded.close();
  }

  @Benchmark
  public long standardAnalyzer() throws IOException {
    return analyze(standard);
  }

  @Benchmark
  public long exactChain() throws IOException {
    return analyze(exact);
  }

  @Benchmark
  public long foldedChain() throws IOException {
    return analyze(folded);
  }

  @Benchmark
  public long segmenter() {
    long n = 0;
    for (String t : texts) {
      segmenter.segment(t, reused);
      n += reused.size();
    }
    return n;
  }

  @Benchmark
  public long segmenterWordList() {
    long n = 0;
    for (String t : texts) {
      n += segmenter.segment(t).size();
    }
    return n;
  }

  private long analyze(Analyzer analyzer) throws IOException {
    long n = 0;
    for (String t : texts) {
      try (TokenStream ts = analyzer.tokenStream("body", t)) {
        ts.reset();
        while (ts.incrementToken()) {
          n++;
        }
        ts.end();
      }
    }
    return n;
  }

  /** The texts of {@code file}, up to {@code maxBytes} UTF-8 bytes in all. */
  static List<String> readTexts(Path file, long maxBytes) throws IOException {
    List<String> out = new ArrayList<>();
    long bytes = 0;
    if (file.getFileName().toString().endsWith(".jsonl")) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
        for (var it = lines.iterator(); it.hasNext() && bytes < maxBytes; ) {
          String line = it.next();
          if (line.isBlank()) {
            continue;
          }
          var node = json.readTree(line);
          StringBuilder sb = new StringBuilder();
          for (String f : List.of("title", "lead", "body", "text")) {
            if (node.path(f).isTextual()) {
              sb.append(node.path(f).asText()).append('\n');
            }
          }
          out.add(sb.toString());
          bytes += sb.toString().getBytes(StandardCharsets.UTF_8).length;
        }
      }
    } else {
      String all = Files.readString(file, StandardCharsets.UTF_8);
      for (String paragraph : all.split("\n\\s*\n")) {
        if (bytes >= maxBytes) {
          break;
        }
        out.add(paragraph);
        bytes += paragraph.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return out;
  }

  /** UTF-8 bytes of the texts. */
  static long bytes(List<String> texts) {
    long b = 0;
    for (String t : texts) {
      b += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return b;
  }
}

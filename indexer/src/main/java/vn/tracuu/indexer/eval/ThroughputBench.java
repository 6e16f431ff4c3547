package vn.tracuu.indexer.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import vn.tracuu.analysis.VietnameseAnalyzer;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.WordSegmenter;

/**
 * Analysis throughput on real text, every contender measured in the same run so that ratios, not
 * absolute figures, are reported: StandardAnalyzer (baseline), tracuu's exact and folded chains,
 * and the segmenter alone. Single-threaded; each contender is warmed up, then timed for a bounded
 * number of seconds.
 */
public final class ThroughputBench {

  /** One contender's result: UTF-8 megabytes analysed per second. */
  public record Figure(String name, double mbPerSecond) {}

  private ThroughputBench() {}

  /** Text of a plain file, or of the string fields title/lead/body of a JSON-lines file. */
  public static List<String> readTexts(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    if (file.getFileName().toString().endsWith(".jsonl")) {
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("title", "lead", "body", "text")) {
          if (n.path(f).isTextual()) {
            sb.append(n.path(f).asText()).append('\n');
          }
        }
        out.add(sb.toString());
      }
    } else {
      out.add(Files.readString(file, StandardCharsets.UTF_8));
    }
    return out;
  }

  public static List<Figure> run(List<String> texts, double seconds) throws IOException {
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    List<Figure> out = new ArrayList<>();
    try (Analyzer standard = new StandardAnalyzer();
        Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.EXACT);
        Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Variant.FOLDED)) {
      out.add(
          new Figure("StandardAnalyzer", measure(() -> analyze(standard, texts), bytes, seconds)));
      out.add(
          new Figure("tracuu exact chain", measure(() -> analyze(exact, texts), bytes, seconds)));
      out.add(
          new Figure("tracuu folded chain", measure(() -> analyze(folded, texts), bytes, seconds)));
      WordSegmenter segmenter = new DictionarySegmenter();
      out.add(
          new Figure(
              "segmenter alone",
              measure(
                  () -> {
                    long n = 0;
                    for (String t : texts) {
                      n += segmenter.segment(t).size();
                    }
                    return n;
                  },
                  bytes,
                  seconds)));
    }
    return out;
  }

  private interface Work {
    long run() throws IOException;
  }

  private static double measure(Work work, long bytes, double seconds) throws IOException {
    long sink = 0;
    long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
    while (System.nanoTime() < warmEnd) {
      sink += work.run();
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int rounds = 0;
    do {
      sink += work.run();
      rounds++;
    } while (System.nanoTime() < end);
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (sink == 42) {
      System.err.print(""); // keeps the work observable
    }
    return bytes * (double) rounds / elapsed / 1e6;
  }

  private static long analyze(Analyzer analyzer, List<String> texts) throws IOException {
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
}

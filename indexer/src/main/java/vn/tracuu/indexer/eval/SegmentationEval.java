package vn.tracuu.indexer.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.tracuu.analysis.segment.CompoundLearner;
import vn.tracuu.analysis.segment.DictionarySegmenter;
import vn.tracuu.analysis.segment.Lexicon;
import vn.tracuu.analysis.segment.Word;
import vn.tracuu.analysis.segment.WordSegmenter;

/**
 * Word segmentation against gold text: one sentence a line, the syllables of a word joined by
 * {@code _}. The segmenter reads the line with {@code _} turned into spaces; a predicted word
 * counts when its span equals a gold word's span.
 */
public final class SegmentationEval {

  /** Counts and measures. */
  public record Result(long gold, long predicted, long correct, int sentences, int learned) {
    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private SegmentationEval() {}

  /**
   * Scores the built-in segmenter on {@code gold}; with {@code learn}, compounds are first learned
   * from the input text itself (never from the gold segmentation), as the indexer may do.
   */
  public static Result run(Path gold, boolean learn) throws IOException {
    List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
    Lexicon lexicon = Lexicon.builtIn();
    int learned = 0;
    if (learn) {
      CompoundLearner learner = new CompoundLearner();
      for (String line : lines) {
        learner.observe(line.replace('_', ' '));
      }
      var compounds =
          learner.compounds(CompoundLearner.DEFAULT_MIN_COUNT, CompoundLearner.DEFAULT_MIN_DICE);
      learned = compounds.size();
      lexicon = lexicon.withCompounds(compounds);
    }
    WordSegmenter segmenter = new DictionarySegmenter(lexicon, false);
    long goldCount = 0;
    long predicted = 0;
    long correct = 0;
    int sentences = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      sentences++;
      String input = line.replace('_', ' ');
      // Spans are compared on offsets that ignore white space.
      int[] compact = new int[input.length() + 1];
      int c = 0;
      for (int i = 0; i < input.length(); i++) {
        compact[i] = c;
        if (!Character.isWhitespace(input.charAt(i))) {
          c++;
        }
      }
      compact[input.length()] = c;
      Set<Long> goldSpans = new HashSet<>();
      int pos = 0;
      for (String token : line.strip().split("\\s+")) {
        int len = 0;
        for (int i = 0; i < token.length(); i++) {
          if (token.charAt(i) != '_') {
            len++;
          }
        }
        goldSpans.add(span(pos, pos + len));
        pos += len;
      }
      goldCount += goldSpans.size();
      for (Word w : segmenter.segment(input)) {
        predicted++;
        if (goldSpans.contains(span(compact[w.start()], compact[w.end()]))) {
          correct++;
        }
      }
    }
    return new Result(goldCount, predicted, correct, sentences, learned);
  }

  private static long span(int s, int e) {
    return ((long) s << 32) | e;
  }
}

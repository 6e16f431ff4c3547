package vn.tracuu.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;
import vn.tracuu.analysis.segment.TokenType;
import vn.tracuu.analysis.segment.Word;
import vn.tracuu.analysis.segment.WordSegmenter;

/**
 * Vietnamese tokenizer: one token per syllable at consecutive positions, so that a one-syllable
 * query finds a word containing it and phrase queries keep their positions, plus the whole
 * multi-syllable word ({@code chính_quyền}, syllables joined by {@code _}) stacked on its first
 * syllable (position increment 0, position length 1, so query parsers do not build graph queries).
 *
 * <p>Numbers, codes, document numbers, URLs and e-mail addresses come whole, then by parts: {@code
 * 30/2020/NĐ-CP} gives {@code 30/2020/NĐ-CP} and {@code 30} at one position, then {@code 2020},
 * then {@code NĐ-CP} and {@code NĐ}, then {@code CP}. Punctuation is dropped. Terms keep the case
 * and form of the text; the normalisation, lower-case and folding filters come after.
 *
 * <p>Text is segmented in chunks of about {@value #CHUNK} characters cut at a line break or a
 * space, so memory does not grow with the document.
 */
public final class VietnameseTokenizer extends Tokenizer {

  /** Compound words join their syllables with this character. */
  public static final char JOINER = '_';

  /** Longer units (base64 runs, garbage) are skipped, as StandardTokenizer does. */
  public static final int MAX_TOKEN_LENGTH = 255;

  static final int CHUNK = 16 * 1024;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private final WordSegmenter segmenter;
  private final boolean bigrams;
  private String previousSyllable; // in the current run of syllables, for bigrams
  private int previousStart;
  private final char[] buffer = new char[CHUNK + CHUNK / 4];
  private int buffered; // chars in buffer
  private int consumed; // chars of the input before buffer[0]
  private boolean exhausted;
  private String chunk = "";
  private int chunkBase;
  private Iterator<Word> words = List.<Word>of().iterator();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();

  private record Pending(String term, int start, int end, int posInc, String type) {}

  public VietnameseTokenizer(WordSegmenter segmenter) {
    this(segmenter, false);
  }

  /**
   * @param bigrams also emit every pair of adjacent syllables of a run ({@code a_b}, at the
   *     position of the second syllable), whether or not the dictionary knows it as a word
   */
  public VietnameseTokenizer(WordSegmenter segmenter, boolean bigrams) {
    this.segmenter = segmenter;
    this.bigrams = bigrams;
  }

  public VietnameseTokenizer(AttributeFactory factory, WordSegmenter segmenter, boolean bigrams) {
    super(factory);
    this.segmenter = segmenter;
    this.bigrams = bigrams;
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    while (pending.isEmpty()) {
      if (!words.hasNext() && !nextChunk()) {
        return false;
      }
      if (words.hasNext()) {
        expand(words.next());
      }
    }
    Pending p = pending.poll();
    termAtt.setEmpty().append(p.term);
    offsetAtt.setOffset(correctOffset(p.start), correctOffset(p.end));
    posIncAtt.setPositionIncrement(p.posInc);
    typeAtt.setType(p.type);
    return true;
  }

  /** Queues the tokens of one unit. */
  private void expand(Word w) {
    if (w.type() == TokenType.PUNCT || w.end() - w.start() > MAX_TOKEN_LENGTH) {
      previousSyllable = null;
      return;
    }
    String type = w.type().luceneType();
    int base = chunkBase;
    if (w.type() == TokenType.WORD || w.type() == TokenType.NAME) {
      int n = w.syllableCount();
      // With bigrams, a two-syllable word is its bigram already.
      String compound = n > 2 || (n == 2 && !bigrams) ? compound(w) : null;
      for (int i = 0; i < n; i++) {
        String syllable = chunk.substring(w.syllableStart(i), w.syllableEnd(i));
        int start = base + w.syllableStart(i);
        int end = base + w.syllableEnd(i);
        int posInc = 1;
        // Order within a position keeps start offsets non-decreasing: bigram, word, syllable.
        if (bigrams && previousSyllable != null) {
          pending.add(
              new Pending(previousSyllable + JOINER + syllable, previousStart, end, 1, "<BIGRAM>"));
          posInc = 0;
        }
        if (i == 0 && compound != null) {
          pending.add(new Pending(compound, start, base + w.end(), posInc, type));
          posInc = 0;
        }
        pending.add(new Pending(syllable, start, end, posInc, n > 1 ? "<SYLLABLE>" : type));
        if (bigrams) {
          previousSyllable = syllable;
          previousStart = start;
        }
      }
      return;
    }
    previousSyllable = null;
    // Whole unit without white space, then its parts.
    StringBuilder whole = new StringBuilder();
    for (int i = w.start(); i < w.end(); i++) {
      char c = chunk.charAt(i);
      if (!Character.isWhitespace(c)) {
        whole.append(c);
      }
    }
    pending.add(new Pending(whole.toString(), base + w.start(), base + w.end(), 1, type));
    if (w.type() == TokenType.NUMBER && !containsAny(whole, "/-")) {
      return; // 1.000.000 and 3,5 stay whole
    }
    List<int[]> parts = parts(w.start(), w.end());
    if (parts.size() < 2) {
      return;
    }
    // In a document number, the symbol after the last number (QĐ-UBND) is also searchable whole.
    int symbolFrom = -1;
    if (w.type() == TokenType.DOC_NUMBER) {
      for (int k = 0; k < parts.size(); k++) {
        if (!isDigits(parts.get(k))) {
          symbolFrom = k;
          break;
        }
      }
      if (symbolFrom == parts.size() - 1) {
        symbolFrom = -1; // a one-part symbol is its own part already
      }
    }
    for (int k = 0; k < parts.size(); k++) {
      int[] part = parts.get(k);
      if (k == symbolFrom) {
        int end = parts.get(parts.size() - 1)[1];
        StringBuilder symbol = new StringBuilder();
        for (int i = part[0]; i < end; i++) {
          char c = chunk.charAt(i);
          if (!Character.isWhitespace(c)) {
            symbol.append(c);
          }
        }
        pending.add(new Pending(symbol.toString(), base + part[0], base + end, 1, type));
      }
      pending.add(
          new Pending(
              chunk.substring(part[0], part[1]),
              base + part[0],
              base + part[1],
              k == 0 || k == symbolFrom ? 0 : 1,
              "<PART>"));
    }
  }

  private String compound(Word w) {
    StringBuilder sb = new StringBuilder(w.end() - w.start());
    for (int i = 0; i < w.syllableCount(); i++) {
      if (i > 0) {
        sb.append(JOINER);
      }
      sb.append(chunk, w.syllableStart(i), w.syllableEnd(i));
    }
    return sb.toString();
  }

  /** Runs of letters and digits inside {@code [start, end)} of the chunk. */
  private List<int[]> parts(int start, int end) {
    List<int[]> out = new ArrayList<>();
    int i = start;
    while (i < end) {
      while (i < end && !Character.isLetterOrDigit(chunk.charAt(i)) && !isMark(chunk.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < end && (Character.isLetterOrDigit(chunk.charAt(i)) || isMark(chunk.charAt(i)))) {
        i++;
      }
      if (i > s) {
        out.add(new int[] {s, i});
      }
    }
    return out;
  }

  private boolean isDigits(int[] part) {
    for (int i = part[0]; i < part[1]; i++) {
      if (!Character.isDigit(chunk.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMark(char c) {
    return Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean containsAny(CharSequence s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Reads and segments the next chunk; false at the end of the input. */
  private boolean nextChunk() throws IOException {
    while (!exhausted && buffered < CHUNK) {
      int r = input.read(buffer, buffered, buffer.length - buffered);
      if (r < 0) {
        exhausted = true;
      } else {
        buffered += r;
      }
    }
    if (buffered == 0) {
      return false;
    }
    int cut = buffered;
    if (!exhausted) {
      // Cut after the last line break of the chunk's second half, else the last space.
      int lineBreak = lastIndexOf(buffer, buffered, '\n', buffered / 2);
      cut = lineBreak >= 0 ? lineBreak + 1 : lastSpace(buffer, buffered, buffered / 2);
      if (cut <= 0) {
        cut = buffered; // no space at all: cut anywhere
      }
      if (cut < buffered && Character.isHighSurrogate(buffer[cut - 1])) {
        cut--;
      }
    }
    chunk = new String(buffer, 0, cut);
    chunkBase = consumed;
    consumed += cut;
    System.arraycopy(buffer, cut, buffer, 0, buffered - cut);
    buffered -= cut;
    words = segmenter.segment(chunk).iterator();
    previousSyllable = null;
    return true;
  }

  private static int lastIndexOf(char[] b, int len, char c, int from) {
    for (int i = len - 1; i >= from; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastSpace(char[] b, int len, int from) {
    for (int i = len - 1; i >= from; i--) {
      if (Character.isWhitespace(b[i])) {
        return i + 1;
      }
    }
    return -1;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(consumed);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    buffered = 0;
    consumed = 0;
    exhausted = false;
    chunk = "";
    chunkBase = 0;
    words = List.<Word>of().iterator();
    pending.clear();
    previousSyllable = null;
  }
}

package vn.tracuu.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;
import vn.tracuu.analysis.segment.Segmentation;
import vn.tracuu.analysis.segment.TokenType;
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
 * space, so memory does not grow with the document. The segmentation and the queue of tokens of the
 * current unit live in reused arrays: no allocation per token.
 */
public final class VietnameseTokenizer extends Tokenizer {

  /** Compound words join their syllables with this character. */
  public static final char JOINER = '_';

  /** Longer units (base64 runs, garbage) are skipped, as StandardTokenizer does. */
  public static final int MAX_TOKEN_LENGTH = 255;

  static final int CHUNK = 16 * 1024;

  private static final String SYLLABLE = "<SYLLABLE>";
  private static final String BIGRAM = "<BIGRAM>";
  private static final String PART = "<PART>";

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private final WordSegmenter segmenter;
  private final boolean bigrams;
  private final Segmentation segmentation = new Segmentation();
  private int unit; // next unit of the segmentation to expand
  // The previous syllable of the current run, for bigrams: chunk chars [previousStart,
  // previousEnd).
  private int previousStart = -1;
  private int previousEnd;
  private final char[] buffer = new char[CHUNK + CHUNK / 4];
  private int buffered; // chars in buffer
  private int consumed; // chars of the input before buffer[0]
  private boolean exhausted;
  private char[] chunk = new char[CHUNK + CHUNK / 4];
  private int chunkLength;
  private int chunkBase;

  // Queue of the tokens of the current unit: terms in a char pool, the rest in parallel arrays.
  private char[] pool = new char[1024];
  private int poolSize;
  private int[] termOffset = new int[16];
  private int[] termLength = new int[16];
  private int[] startOffset = new int[16];
  private int[] endOffset = new int[16];
  private int[] posInc = new int[16];
  private String[] types = new String[16];
  private int queued;
  private int head;
  private int[] parts = new int[16]; // scratch: [s0, e0, s1, e1, …] of a unit's parts

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
    while (head == queued) {
      head = queued = poolSize = 0;
      if (unit == segmentation.size() && !nextChunk()) {
        return false;
      }
      if (unit < segmentation.size()) {
        expand(unit++);
      }
    }
    int t = head++;
    termAtt.copyBuffer(pool, termOffset[t], termLength[t]);
    offsetAtt.setOffset(correctOffset(startOffset[t]), correctOffset(endOffset[t]));
    posIncAtt.setPositionIncrement(posInc[t]);
    typeAtt.setType(types[t]);
    return true;
  }

  /** Queues the tokens of one unit. */
  private void expand(int u) {
    Segmentation w = segmentation;
    TokenType unitType = w.type(u);
    int unitStart = w.start(u);
    int unitEnd = w.end(u);
    if (unitType == TokenType.PUNCT || unitEnd - unitStart > MAX_TOKEN_LENGTH) {
      previousStart = -1;
      return;
    }
    String type = unitType.luceneType();
    int base = chunkBase;
    if (unitType == TokenType.WORD || unitType == TokenType.NAME) {
      int n = w.syllableCount(u);
      // With bigrams, a two-syllable word is its bigram already.
      boolean compound = n > 2 || (n == 2 && !bigrams);
      for (int i = 0; i < n; i++) {
        int s = w.syllableStart(u, i);
        int e = w.syllableEnd(u, i);
        int inc = 1;
        // Order within a position keeps start offsets non-decreasing: bigram, word, syllable.
        if (bigrams && previousStart >= 0) {
          int t = newToken(base + previousStart, base + e, 1, BIGRAM);
          append(t, previousStart, previousEnd);
          appendChar(t, JOINER);
          append(t, s, e);
          inc = 0;
        }
        if (i == 0 && compound) {
          int t = newToken(base + s, base + unitEnd, inc, type);
          for (int k = 0; k < n; k++) {
            if (k > 0) {
              appendChar(t, JOINER);
            }
            append(t, w.syllableStart(u, k), w.syllableEnd(u, k));
          }
          inc = 0;
        }
        int t = newToken(base + s, base + e, inc, n > 1 ? SYLLABLE : type);
        append(t, s, e);
        if (bigrams) {
          previousStart = s;
          previousEnd = e;
        }
      }
      return;
    }
    previousStart = -1;
    // Whole unit without white space, then its parts.
    int whole = newToken(base + unitStart, base + unitEnd, 1, type);
    boolean separators = false;
    for (int i = unitStart; i < unitEnd; i++) {
      char c = chunk[i];
      if (!Character.isWhitespace(c)) {
        appendChar(whole, c);
        separators |= c == '/' || c == '-';
      }
    }
    if (unitType == TokenType.NUMBER && !separators) {
      return; // 1.000.000 and 3,5 stay whole
    }
    int partCount = parts(unitStart, unitEnd);
    if (partCount < 2) {
      return;
    }
    // In a document number, the symbol after the last number (QĐ-UBND) is also searchable whole.
    int symbolFrom = -1;
    if (unitType == TokenType.DOC_NUMBER) {
      for (int k = 0; k < partCount; k++) {
        if (!isDigits(parts[2 * k], parts[2 * k + 1])) {
          symbolFrom = k;
          break;
        }
      }
      if (symbolFrom == partCount - 1) {
        symbolFrom = -1; // a one-part symbol is its own part already
      }
    }
    for (int k = 0; k < partCount; k++) {
      int ps = parts[2 * k];
      int pe = parts[2 * k + 1];
      if (k == symbolFrom) {
        int end = parts[2 * partCount - 1];
        int t = newToken(base + ps, base + end, 1, type);
        for (int i = ps; i < end; i++) {
          if (!Character.isWhitespace(chunk[i])) {
            appendChar(t, chunk[i]);
          }
        }
      }
      int t = newToken(base + ps, base + pe, k == 0 || k == symbolFrom ? 0 : 1, PART);
      append(t, ps, pe);
    }
  }

  /** Queues an empty token; its term is appended with {@link #append}. */
  private int newToken(int start, int end, int inc, String type) {
    if (queued == posInc.length) {
      int n = queued * 2;
      termOffset = Arrays.copyOf(termOffset, n);
      termLength = Arrays.copyOf(termLength, n);
      startOffset = Arrays.copyOf(startOffset, n);
      endOffset = Arrays.copyOf(endOffset, n);
      posInc = Arrays.copyOf(posInc, n);
      types = Arrays.copyOf(types, n);
    }
    int t = queued++;
    termOffset[t] = poolSize;
    termLength[t] = 0;
    startOffset[t] = start;
    endOffset[t] = end;
    posInc[t] = inc;
    types[t] = type;
    return t;
  }

  /** Appends chunk chars {@code [s, e)} to the term of token {@code t} (the last queued). */
  private void append(int t, int s, int e) {
    int len = e - s;
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(chunk, s, pool, poolSize, len);
    poolSize += len;
    termLength[t] += len;
  }

  private void appendChar(int t, char c) {
    if (poolSize == pool.length) {
      pool = Arrays.copyOf(pool, pool.length * 2);
    }
    pool[poolSize++] = c;
    termLength[t]++;
  }

  /** Runs of letters and digits inside {@code [start, end)} of the chunk, into {@link #parts}. */
  private int parts(int start, int end) {
    int count = 0;
    int i = start;
    while (i < end) {
      while (i < end && !isPartChar(chunk[i])) {
        i++;
      }
      int s = i;
      while (i < end && isPartChar(chunk[i])) {
        i++;
      }
      if (i > s) {
        if (2 * count + 2 > parts.length) {
          parts = Arrays.copyOf(parts, parts.length * 2);
        }
        parts[2 * count] = s;
        parts[2 * count + 1] = i;
        count++;
      }
    }
    return count;
  }

  private static boolean isPartChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private boolean isDigits(int s, int e) {
    for (int i = s; i < e; i++) {
      if (!Character.isDigit(chunk[i])) {
        return false;
      }
    }
    return true;
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
    System.arraycopy(buffer, 0, chunk, 0, cut);
    chunkLength = cut;
    chunkBase = consumed;
    consumed += cut;
    System.arraycopy(buffer, cut, buffer, 0, buffered - cut);
    buffered -= cut;
    segmenter.segment(new String(chunk, 0, chunkLength), segmentation);
    unit = 0;
    previousStart = -1;
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
    chunkLength = 0;
    chunkBase = 0;
    segmentation.clear();
    unit = 0;
    head = queued = poolSize = 0;
    previousStart = -1;
  }
}

package vn.tracuu.analysis.segment;

import java.nio.CharBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass of segmentation: cuts text into syllables, numbers, codes, document numbers, URLs,
 * e-mail addresses and punctuation. Syllables are grouped into words afterwards.
 */
final class TextScanner {

  private static final String SYMBOL_UPPER =
      "\\p{Lu}[\\p{L}\\p{M}\\d]*(?:\\s{0,2}[-–]\\s{0,2}[\\p{Lu}\\d][\\p{L}\\p{M}\\d]*)*";
  private static final String SYMBOL_LOWER =
      "\\p{L}[\\p{L}\\p{M}\\d]*(?:-[\\p{L}\\d][\\p{L}\\p{M}\\d]*)+";

  /**
   * Số ký hiệu: number[/year]/SYMBOL[-AGENCY], spaces tolerated around the separators when the
   * symbol is in capitals ("1952 / QĐ - UBND"); in lower case the symbol needs a hyphen so that
   * "50/tháng" stays a number and a word.
   */
  private static final Pattern DOC_NUMBER =
      Pattern.compile(
          "\\d{1,6}(?:\\s{0,2}/\\s{0,2}\\d{1,6})*\\s{0,2}/\\s{0,2}(?:"
              + SYMBOL_UPPER
              + "|"
              + SYMBOL_LOWER
              + ")(?![\\p{L}\\p{M}\\d])");

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+");

  private static final String URL_TRAILING = ".,;:!?)]}\"'»”’…";

  /**
   * Abbreviations written with a period before what they qualify ("TP. HCM", "Q. 3", "PGS. TS."):
   * thành phố, quận, phường, huyện, xã, thị xã, thị trấn, tiến sĩ, thạc sĩ, giáo sư, phó giáo sư,
   * bác sĩ, kỹ sư, cử nhân, nhà xuất bản. The period belongs to the word.
   */
  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "TP", "Tp", "Q", "P", "H", "X", "TX", "TT", "TS", "ThS", "GS", "PGS", "BS", "KS", "CN",
          "NXB");

  /** Growable parallel arrays: piece i is {@code [start[i], end[i])} of {@code type[i]}. */
  static final class Pieces {
    int[] start = new int[64];
    int[] end = new int[64];
    TokenType[] type = new TokenType[64];
    java.util.BitSet abbreviations = new java.util.BitSet();
    int size;

    void clear() {
      size = 0;
      abbreviations.clear();
    }

    /** True when piece i is a WORD abbreviation whose last character is its period. */
    boolean abbreviation(int i) {
      return abbreviations.get(i);
    }

    /** End of the letters of piece i (before an abbreviation's period). */
    int letterEnd(int i) {
      return abbreviations.get(i) ? end[i] - 1 : end[i];
    }

    void add(int s, int e, TokenType t) {
      if (size == start.length) {
        start = java.util.Arrays.copyOf(start, size * 2);
        end = java.util.Arrays.copyOf(end, size * 2);
        type = java.util.Arrays.copyOf(type, size * 2);
      }
      start[size] = s;
      end[size] = e;
      type[size] = t;
      size++;
    }
  }

  private TextScanner() {}

  static Pieces scan(CharSequence text) {
    char[] chars = new char[text.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = text.charAt(i);
    }
    Pieces out = new Pieces();
    scan(chars, chars.length, out);
    return out;
  }

  /** Cuts {@code text[0, n)} into {@code out} (cleared first). */
  static void scan(char[] text, int n, Pieces out) {
    out.clear();
    CharBuffer view = null; // for the rare regular-expression matches
    int i = 0;
    int chunkEnd = -1; // end of the current run of non-space characters
    boolean chunkHasAt = false;
    Matcher doc = null;
    while (i < n) {
      char c = text[i];
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (i >= chunkEnd) {
        chunkEnd = i;
        chunkHasAt = false;
        while (chunkEnd < n && !isSpace(text[chunkEnd])) {
          chunkHasAt |= text[chunkEnd] == '@';
          chunkEnd++;
        }
        if (isUrlStart(text, i, n)) {
          int e = chunkEnd;
          while (e > i && URL_TRAILING.indexOf(text[e - 1]) >= 0) {
            e--;
          }
          out.add(i, e, TokenType.URL);
          i = e;
          continue;
        }
      }
      if (chunkHasAt && isWordChar(c)) {
        if (view == null) {
          view = CharBuffer.wrap(text, 0, n);
        }
        Matcher m = EMAIL.matcher(view).region(i, chunkEnd);
        if (m.lookingAt()) {
          int e = m.end();
          while (e > i && text[e - 1] == '.') {
            e--;
          }
          out.add(i, e, TokenType.EMAIL);
          i = e;
          continue;
        }
      }
      if (isDigit(c)) {
        if (looksLikeDocNumberStart(text, i, n)) {
          if (doc == null) {
            if (view == null) {
              view = CharBuffer.wrap(text, 0, n);
            }
            doc = DOC_NUMBER.matcher(view);
          }
          doc.region(i, Math.min(n, i + 80));
          if (doc.lookingAt()) {
            out.add(i, doc.end(), TokenType.DOC_NUMBER);
            i = doc.end();
            continue;
          }
        }
        i = number(text, i, n, out);
        continue;
      }
      if (isLetter(c)) {
        i = syllable(text, i, n, out);
        continue;
      }
      // Punctuation: a run of the same character ("...", "--") is one piece.
      int e = i + 1;
      while (e < n && text[e] == c) {
        e++;
      }
      if (Character.isHighSurrogate(c) && e < n) {
        e++;
      }
      out.add(i, e, TokenType.PUNCT);
      i = e;
    }
  }

  private static int number(char[] text, int i, int n, Pieces out) {
    int s = i;
    while (i < n && isDigit(text[i])) {
      i++;
    }
    // 1.000.000, 3,5, 19/8/2019, 10:30, 2003-2006
    while (i + 1 < n && ".,/:-".indexOf(text[i]) >= 0 && isDigit(text[i + 1])) {
      i++;
      while (i < n && isDigit(text[i])) {
        i++;
      }
    }
    TokenType type = TokenType.NUMBER;
    if (i < n && isLetter(text[i])) { // 1A, 20km, 10h30
      while (i < n && isWordChar(text[i])) {
        i++;
      }
      // A code goes on through hyphens, as a number plate does ("51A-123.45", "29B1-0567").
      while (i + 1 < n && text[i] == '-' && isWordChar(text[i + 1])) {
        i++;
        while (i < n
            && (isWordChar(text[i]) || text[i] == '.' && i + 1 < n && isDigit(text[i + 1]))) {
          i++;
        }
      }
      type = TokenType.CODE;
    }
    out.add(s, i, type);
    return i;
  }

  private static int syllable(char[] text, int i, int n, Pieces out) {
    int s = i;
    boolean digits = false;
    while (i < n && isWordChar(text[i])) {
      digits |= isDigit(text[i]);
      i++;
    }
    TokenType type = digits ? TokenType.CODE : TokenType.WORD;
    if (!digits && isAbbreviation(text, s, i, n)) {
      out.add(s, i + 1, type);
      out.abbreviations.set(out.size - 1);
      return i + 1;
    }
    if (!digits && Character.isUpperCase(text[s])) {
      int e = dottedAbbreviation(text, s, i, n);
      if (e > i) {
        out.add(s, e, TokenType.CODE);
        return e;
      }
    }
    // e-mail, QĐ-UBND, Covid-19: hyphen-joined parts without spaces
    while (i + 1 < n && text[i] == '-' && isWordChar(text[i + 1])) {
      i++;
      while (i < n && isWordChar(text[i])) {
        i++;
      }
      type = TokenType.CODE;
    }
    out.add(s, i, type);
    return i;
  }

  /**
   * End of a dotted abbreviation that starts with the capitalised letters {@code [s, e)}: more
   * capitalised letter groups joined by single periods, without spaces ("TP.HCM", "T.Ư", "U.S.A.");
   * an initialism of single letters keeps its last period. {@code e} when there is none.
   */
  private static int dottedAbbreviation(char[] text, int s, int e, int n) {
    int i = e;
    boolean singleLetters = e - s == 1;
    while (i + 1 < n && text[i] == '.' && Character.isUpperCase(text[i + 1])) {
      int g = i + 1;
      i = g;
      while (i < n && isLetter(text[i])) {
        i++;
      }
      if (i < n && isDigit(text[i])) {
        return e; // a code such as "A.B2": left to the other rules
      }
      singleLetters &= i - g == 1;
    }
    if (i > e && singleLetters && i < n && text[i] == '.') {
      i++;
    }
    return i;
  }

  /** {@code [s, e)} is a known abbreviation followed by a period, a space and a letter or digit. */
  private static boolean isAbbreviation(char[] text, int s, int e, int n) {
    if (e - s == 1 && e + 1 < n && text[e] == '.' && Character.isUpperCase(text[s])) {
      // An initial ("chị H. phát biểu", "anh T., 30 tuổi"): a sentence never goes on in lower case.
      char next = text[e + 1] == ' ' && e + 2 < n ? text[e + 2] : text[e + 1];
      if (Character.isLowerCase(next) || next == ',') {
        return true;
      }
    }
    if (e - s > 3 || e + 2 >= n || text[e] != '.' || text[e + 1] != ' ') {
      return false;
    }
    char next = text[e + 2];
    return (isLetter(next) || isDigit(next)) && ABBREVIATIONS.contains(new String(text, s, e - s));
  }

  private static boolean looksLikeDocNumberStart(char[] text, int i, int n) {
    // Cheap check before the regular expression: a '/' within the next few characters.
    for (int j = i + 1, lim = Math.min(n, i + 10); j < lim; j++) {
      if (text[j] == '/') {
        return true;
      }
    }
    return false;
  }

  private static boolean isUrlStart(char[] t, int i, int n) {
    char c = t[i];
    if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
      return false;
    }
    return startsWithIgnoreCase(t, i, n, "http://")
        || startsWithIgnoreCase(t, i, n, "https://")
        || startsWithIgnoreCase(t, i, n, "www.");
  }

  private static boolean startsWithIgnoreCase(char[] t, int i, int n, String prefix) {
    if (i + prefix.length() > n) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(t[i + k]) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || Character.isWhitespace(c);
    }
    return c >= 0x80 && (c == '\u00A0' || Character.isWhitespace(c));
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9' || (c > 127 && Character.isDigit(c));
  }

  /** {@link #isLetter} of the first chars (Latin, Vietnamese, combining marks), precomputed. */
  private static final boolean[] LETTER = new boolean[0x2000];

  static {
    for (char c = 0; c < LETTER.length; c++) {
      LETTER[c] = computeIsLetter(c);
    }
  }

  static boolean isLetter(char c) {
    return c < LETTER.length ? LETTER[c] : computeIsLetter(c);
  }

  private static boolean computeIsLetter(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    int t = Character.getType(c);
    return Character.isLetter(c)
        || t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK;
  }

  static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c);
  }
}

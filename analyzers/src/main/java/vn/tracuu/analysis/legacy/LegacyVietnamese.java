package vn.tracuu.analysis.legacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Repairs Vietnamese text written in a legacy encoding (TCVN3, VNI, VISCII, windows-1258) that
 * reached us as mojibake, e.g. {@code "Th«ng b¸o"} (TCVN3 read as windows-1252) or {@code "Thoâng
 * baùo"} (VNI), into Unicode NFC ({@code "Thông báo"}).
 *
 * <p>Detection is conservative: every whitespace-separated word with non-ASCII characters is
 * decoded with each chart, and an encoding is accepted only when at least {@value #MIN_WORDS} words
 * become well-formed Vietnamese syllables, at least four out of five words it changes do, and the
 * text holds (almost) no real Unicode Vietnamese letters. Correct Vietnamese, English and French
 * text are left alone.
 */
public final class LegacyVietnamese {

  /** Fewest words that must decode to Vietnamese syllables before text counts as legacy. */
  static final int MIN_WORDS = 2;

  /** Characters looked at by detection; the decision holds for the whole text. */
  private static final int SAMPLE_CHARS = 200_000;

  private static final Charset CP1258 = Charset.forName("windows-1258");

  private static final String GRAVE = "\u0300";
  private static final String ACUTE = "\u0301";
  private static final String TILDE = "\u0303";
  private static final String HOOK = "\u0309";
  private static final String DOT = "\u0323";
  private static final String CIRCUMFLEX = "\u0302";
  private static final String BREVE = "\u0306";
  private static final String HORN = "\u031B";

  /** VNI mark characters after a, e, o, u, y, ơ, ư (either case): tone only. */
  private static final String VNI_TONES = "ùøûõï";

  /** VNI marks after a, e, o: circumflex, alone or with a tone. */
  private static final String VNI_CIRCUMFLEX = "âáàåãä";

  /** VNI marks after a: breve, alone or with a tone. */
  private static final String VNI_BREVE = "êéèúüë";

  /** Tones in the order of the mark strings above: none (circumflex/breve only), ´ ` ̉ ˜ ̣. */
  private static final String[] TONE_ORDER = {ACUTE, GRAVE, HOOK, TILDE, DOT};

  private LegacyVietnamese() {}

  /** The outcome of {@link #repair}: the text, and the encoding it was converted from if any. */
  public record Repair(String text, LegacyEncoding encoding) {
    public boolean repaired() {
      return encoding != null;
    }
  }

  /** Converts {@code text} when it looks like legacy-encoded Vietnamese; else returns it as is. */
  public static Repair repair(String text) {
    if (text == null) {
      return new Repair(null, null);
    }
    Optional<LegacyEncoding> encoding = detect(text);
    return encoding
        .map(e -> new Repair(decode(text, e), e))
        .orElseGet(() -> new Repair(text, null));
  }

  /** The legacy encoding {@code text} is mojibake of, if it clearly is one. */
  public static Optional<LegacyEncoding> detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (!mayBeLegacy(sample)) {
      return Optional.empty();
    }
    Map<LegacyEncoding, int[]> counts = new EnumMap<>(LegacyEncoding.class);
    for (LegacyEncoding e : LegacyEncoding.values()) {
      counts.put(e, new int[2]); // valid, invalid
    }
    int unicodeVietnamese = 0;
    for (String word : sample.split("\\s+")) {
      if (isAscii(word)) {
        continue;
      }
      if (hasUnicodeVietnamese(word)) {
        unicodeVietnamese++;
        continue;
      }
      for (LegacyEncoding e : LegacyEncoding.values()) {
        String decoded = decode(word, e);
        if (!decoded.equals(Normalizer.normalize(word, Normalizer.Form.NFC))) {
          counts.get(e)[isVietnameseWord(decoded) ? 0 : 1]++;
        }
      }
    }
    LegacyEncoding best = null;
    int bestScore = Integer.MIN_VALUE;
    for (var entry : counts.entrySet()) {
      int score = entry.getValue()[0] - 2 * entry.getValue()[1];
      if (score > bestScore) {
        best = entry.getKey();
        bestScore = score;
      }
    }
    int valid = counts.get(best)[0];
    int invalid = counts.get(best)[1];
    boolean legacy = valid >= MIN_WORDS && valid >= 4 * invalid && unicodeVietnamese * 20 <= valid;
    return legacy ? Optional.of(best) : Optional.empty();
  }

  /** Decodes mojibake of {@code encoding} to Unicode NFC. Characters outside the chart stay. */
  public static String decode(String text, LegacyEncoding encoding) {
    String decoded =
        switch (encoding) {
          case TCVN3 -> restoreCapitals(text, byTable(text, LegacyCharts.TCVN3));
          case VISCII -> byTable(text, LegacyCharts.VISCII);
          case VNI -> fromVni(text);
          case WINDOWS_1258 -> fromWindows1258(text);
        };
    return Normalizer.normalize(decoded, Normalizer.Form.NFC);
  }

  /**
   * Writes Unicode Vietnamese the way a legacy system did, as the mojibake a windows-1252 reader
   * shows: the inverse of {@link #decode}. TCVN3 has no capital toned letters (the ABC capitals
   * fonts draw lowercase codes as capitals), so those become lowercase codes.
   */
  public static String encode(String text, LegacyEncoding encoding) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return switch (encoding) {
      case TCVN3 -> toTable(nfc, LegacyCharts.TCVN3, true);
      case VISCII -> toTable(nfc, LegacyCharts.VISCII, false);
      case VNI -> toVni(nfc);
      case WINDOWS_1258 -> toWindows1258(nfc);
    };
  }

  private static String byTable(String text, char[] table) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int b = LegacyCharts.byteOf(c);
      out.append(b >= 0 && table[b] != 0 ? table[b] : c);
    }
    return out.toString();
  }

  private static String toTable(String text, char[] table, boolean lowerCapitals) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int b = c < 0x80 ? -1 : indexOf(table, c);
      if (b < 0 && lowerCapitals && c >= 0x80) {
        b = indexOf(table, Character.toLowerCase(c));
      }
      out.append(b < 0 ? c : LegacyCharts.charOf(b));
    }
    return out.toString();
  }

  private static int indexOf(char[] table, char c) {
    for (int b = 0; b < table.length; b++) {
      if (table[b] == c) {
        return b;
      }
    }
    return -1;
  }

  /**
   * TCVN3 text in the capitals fonts (.VnTimeH) has lowercase codes for toned capitals: a word
   * whose plain letters are all capitals ("CéNG" → "CộNG") is written in capitals.
   */
  private static String restoreCapitals(String original, String decoded) {
    if (original.length() != decoded.length()) {
      return decoded;
    }
    StringBuilder out = new StringBuilder(decoded);
    int start = 0;
    while (start < original.length()) {
      while (start < original.length() && Character.isWhitespace(original.charAt(start))) {
        start++;
      }
      int end = start;
      int upper = 0;
      boolean lower = false;
      while (end < original.length() && !Character.isWhitespace(original.charAt(end))) {
        char c = original.charAt(end);
        upper += c >= 'A' && c <= 'Z' ? 1 : 0;
        lower |= c >= 'a' && c <= 'z';
        end++;
      }
      if (upper >= 2 && !lower) {
        String word = decoded.substring(start, end).toUpperCase(Locale.ROOT);
        if (word.length() == end - start) {
          out.replace(start, end, word);
        }
      }
      start = end;
    }
    return out.toString();
  }

  private static String fromWindows1258(String text) {
    StringBuilder out = new StringBuilder(text.length());
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int b = LegacyCharts.byteOf(c);
      if (b >= 0) {
        run.write(b);
      } else {
        out.append(new String(run.toByteArray(), CP1258));
        run.reset();
        out.append(c);
      }
    }
    out.append(new String(run.toByteArray(), CP1258));
    return out.toString();
  }

  private static String toWindows1258(String nfc) {
    // windows-1258 has ă â đ ê ô ơ ư precomposed and writes tones as combining marks
    StringBuilder letters = new StringBuilder(nfc.length() * 2);
    forEachLetter(
        nfc,
        (base, shape, tone) ->
            letters.append(Normalizer.normalize(base + shape, Normalizer.Form.NFC)).append(tone));
    byte[] bytes = letters.toString().getBytes(CP1258);
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      out.append(LegacyCharts.charOf(b & 0xff));
    }
    return out.toString();
  }

  /** A letter of decomposed text: its base, its shape mark (ˆ ˘ ʼ) and its tone mark, or "". */
  @FunctionalInterface
  private interface LetterSink {
    void letter(char base, String shape, String tone);
  }

  /** Splits {@code nfc} into letters with their shape and tone marks (NFD order). */
  private static void forEachLetter(String nfc, LetterSink sink) {
    String decomposed = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    for (int i = 0; i < decomposed.length(); i++) {
      char base = decomposed.charAt(i);
      String shape = "";
      String tone = "";
      while (i + 1 < decomposed.length() && isMark(decomposed.charAt(i + 1))) {
        char mark = decomposed.charAt(++i);
        if (isShapeMark(mark)) {
          shape += mark;
        } else {
          tone += mark;
        }
      }
      sink.letter(base, shape, tone);
    }
  }

  private static boolean isMark(char c) {
    return Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean isShapeMark(char c) {
    return c == '\u0302' || c == '\u0306' || c == '\u031B';
  }

  private static String fromVni(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char base = vniBase(c);
      if (base != 0 && i + 1 < text.length()) {
        String marks = vniMarks(Character.toLowerCase(base), text.charAt(i + 1));
        if (marks != null) {
          out.append(base).append(marks);
          i++;
          continue;
        }
      }
      out.append(vniSingle(c));
    }
    return out.toString();
  }

  /** The letter a VNI character carries when a mark may follow it; 0 when none may. */
  private static char vniBase(char c) {
    return switch (c) {
      case 'a', 'A', 'e', 'E', 'o', 'O', 'u', 'U', 'y', 'Y' -> c;
      case 'ô' -> 'ơ';
      case 'Ô' -> 'Ơ';
      case 'ö' -> 'ư';
      case 'Ö' -> 'Ư';
      default -> 0;
    };
  }

  /** Combining marks that VNI mark character {@code m} puts on lowercase {@code base}, or null. */
  private static String vniMarks(char base, char m) {
    char mark = Character.toLowerCase(m);
    int tone = VNI_TONES.indexOf(mark);
    if (tone >= 0) {
      return base == 'a'
              || base == 'e'
              || base == 'o'
              || base == 'u'
              || base == 'y'
              || base == 'ơ'
              || base == 'ư'
          ? TONE_ORDER[tone]
          : null;
    }
    int circumflex = VNI_CIRCUMFLEX.indexOf(mark);
    if (circumflex >= 0 && (base == 'a' || base == 'e' || base == 'o')) {
      return CIRCUMFLEX + (circumflex == 0 ? "" : TONE_ORDER[circumflex - 1]);
    }
    int breve = VNI_BREVE.indexOf(mark);
    if (breve >= 0 && base == 'a') {
      return BREVE + (breve == 0 ? "" : TONE_ORDER[breve - 1]);
    }
    if (mark == 'î' && base == 'y') {
      return DOT;
    }
    return null;
  }

  /** VNI characters that are letters by themselves. */
  private static char vniSingle(char c) {
    return switch (c) {
      case 'ô' -> 'ơ';
      case 'Ô' -> 'Ơ';
      case 'ö' -> 'ư';
      case 'Ö' -> 'Ư';
      case 'ñ' -> 'đ';
      case 'Ñ' -> 'Đ';
      case 'æ' -> 'ỉ';
      case 'Æ' -> 'Ỉ';
      case 'ó' -> 'ĩ';
      case 'Ó' -> 'Ĩ';
      case 'ò' -> 'ị';
      case 'Ò' -> 'Ị';
      default -> c;
    };
  }

  private static String toVni(String nfc) {
    StringBuilder out = new StringBuilder(nfc.length() * 2);
    forEachLetter(nfc, (base, shape, tone) -> out.append(vniLetter(base, shape, tone)));
    return out.toString();
  }

  private static String vniLetter(char base, String shape, String tone) {
    boolean upper = Character.isUpperCase(base);
    char lower = Character.toLowerCase(base);
    int t = java.util.Arrays.asList(TONE_ORDER).indexOf(tone); // -1: no tone
    String letter;
    if (lower == 'đ') {
      letter = "ñ";
    } else if (lower == 'i') {
      letter = t < 0 ? "i" : String.valueOf("íìæóò".charAt(t));
    } else if (shape.equals(HORN)) {
      letter = (lower == 'o' ? "ô" : "ö") + (t < 0 ? "" : VNI_TONES.charAt(t));
    } else if (shape.equals(BREVE)) {
      letter = "a" + VNI_BREVE.charAt(t + 1);
    } else if (shape.equals(CIRCUMFLEX)) {
      letter = lower + "" + VNI_CIRCUMFLEX.charAt(t + 1);
    } else if (lower == 'y' && t == 4) {
      letter = "yî";
    } else {
      letter = t < 0 ? String.valueOf(lower) : lower + "" + VNI_TONES.charAt(t);
    }
    return upper ? letter.toUpperCase(Locale.ROOT) : letter;
  }

  /**
   * A cheap upper bound on the decision below, without decoding: only words with non-ASCII letters
   * and no Unicode Vietnamese letter can decode to valid syllables, so when there are fewer than
   * {@link #MIN_WORDS} such words, or more than one Unicode Vietnamese word for every twenty of
   * them, the text cannot be legacy. Correctly encoded Vietnamese (nearly all mail) ends here.
   */
  private static boolean mayBeLegacy(String sample) {
    int candidates = 0;
    int unicodeVietnamese = 0;
    boolean nonAscii = false;
    boolean vietnamese = false;
    for (int i = 0, n = sample.length(); i <= n; i++) {
      char c = i < n ? sample.charAt(i) : ' ';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
        if (vietnamese) {
          unicodeVietnamese++;
        } else if (nonAscii) {
          candidates++;
        }
        nonAscii = false;
        vietnamese = false;
      } else if (c >= 0x80) {
        nonAscii = true;
        vietnamese |= isUnicodeVietnamese(c);
      }
    }
    return candidates >= MIN_WORDS && unicodeVietnamese * 20 <= candidates;
  }

  private static boolean isAscii(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, Latin Extended Additional) or tone marks. */
  private static boolean hasUnicodeVietnamese(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (isUnicodeVietnamese(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnicodeVietnamese(char c) {
    return c >= 0x1EA0 && c <= 0x1EF9
        || c == 'ă'
        || c == 'Ă'
        || c == 'đ'
        || c == 'Đ'
        || c == 'ĩ'
        || c == 'Ĩ'
        || c == 'ũ'
        || c == 'Ũ'
        || c == 'ơ'
        || c == 'Ơ'
        || c == 'ư'
        || c == 'Ư'
        || c >= 0x0300 && c <= 0x0323;
  }

  /** Every run of letters with a non-ASCII letter in it is a Vietnamese syllable (and one is). */
  static boolean isVietnameseWord(String word) {
    boolean any = false;
    int i = 0;
    while (i < word.length()) {
      if (!Character.isLetter(word.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean nonAscii = false;
      while (i < word.length()
          && (Character.isLetter(word.charAt(i))
              || Character.getType(word.charAt(i)) == Character.NON_SPACING_MARK)) {
        nonAscii |= word.charAt(i) >= 0x80;
        i++;
      }
      if (nonAscii) {
        if (!VietnameseSyllables.isSyllable(word.substring(start, i))) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }
}

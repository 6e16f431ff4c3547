package vn.tracuu.analysis;

import java.text.Normalizer;

/**
 * Canonical form of Vietnamese text, applied identically at index and query time.
 *
 * <ul>
 *   <li>Unicode NFKC: composes the combining marks that windows-1258 decoding and some keyboards
 *       produce, and folds compatibility forms (full-width letters, ligatures).
 *   <li>One tone placement for the open syllables ending in <i>oa, oe, uy</i>: the mark goes on the
 *       first vowel ("hòa", "khỏe", "thủy"), the placement used by most official documents ("Cộng
 *       hòa"). "hoà", "khoẻ", "thuỷ" become those. After <i>q</i> the <i>u</i> belongs to the
 *       onset, so "quý" keeps its mark; with a final consonant ("hoàng", "thuyết") nothing moves.
 * </ul>
 *
 * Case is kept: lowercasing is a separate filter so that capitalisation stays available to the
 * segmenter (names).
 */
public final class VietnameseNormalizer {

  private VietnameseNormalizer() {}

  /** Returns {@code text} in tracuu's canonical form (NFC-composed, canonical tone placement). */
  public static String normalize(CharSequence text) {
    String nfkc =
        isPrecomposedLatin(text)
            ? text.toString()
            : Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (!mayNeedToneMove(nfkc)) {
      return nfkc;
    }
    String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    int i = 0;
    while (i < nfd.length()) {
      if (!isLetterOrMark(nfd.charAt(i))) {
        out.append(nfd.charAt(i++));
        continue;
      }
      int end = i;
      while (end < nfd.length() && isLetterOrMark(nfd.charAt(end))) {
        end++;
      }
      appendSyllable(nfd, i, end, out);
      i = end;
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** Toned a and e (after o) and toned y (after u): candidates for a tone move. */
  private static final String TONED_AE = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ";

  private static final String TONED_Y = "ỳýỷỹỵỲÝỶỸỴ";

  /**
   * True when {@link #normalize} would return {@code buf[0, len)} unchanged for sure: precomposed
   * Latin letters only and no toned a/e/y after an o/u. A cheap check, so that filters skip the
   * normaliser (and its allocations) for almost every token.
   */
  public static boolean isNormalized(char[] buf, int len) {
    char previous = 0;
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      if (c >= 0xA0) {
        if (!isPrecomposedLatin(c)) {
          return false;
        }
        // A toned a/e/y after o/u that ends the syllable (hoà, thuỷ) moves its tone.
        char p = (char) (previous | 0x20);
        if ((p == 'o' || p == 'u')
            && (i + 1 == len || !Character.isLetter(buf[i + 1]))
            && (p == 'o' ? TONED_AE : TONED_Y).indexOf(c) >= 0) {
          return false;
        }
      }
      previous = c;
    }
    return true;
  }

  /**
   * True when NFKC leaves {@code s} unchanged for sure: ASCII, Latin-1 letters, Latin Extended-A
   * and the precomposed Vietnamese letters, without the few compatibility characters among them (ĳ,
   * ŀ, ŉ, ſ). Most Vietnamese text passes, skipping the normaliser.
   */
  private static boolean isPrecomposedLatin(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xA0 && !isPrecomposedLatin(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrecomposedLatin(char c) {
    return (c >= 0xC0
            && c <= 0x1B0
            && c != 0xD7
            && c != 0xF7
            && !(c >= 0x132 && c <= 0x133)
            && !(c >= 0x13F && c <= 0x140)
            && c != 0x149
            && c != 0x17F)
        || (c >= 0x1EA0 && c <= 0x1EF9);
  }

  /** Cheap pre-check so that most text skips the decomposition pass. */
  private static boolean mayNeedToneMove(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      char p = Character.toLowerCase(s.charAt(i - 1));
      if ((p == 'o' && isToneVariantOf(c, 'a', 'e')) || (p == 'u' && isToneVariantOf(c, 'y'))) {
        return true;
      }
      if (isToneMark(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isToneVariantOf(char c, char... bases) {
    char base = tonedBase(c);
    if (base == NO_BASE) {
      return false;
    }
    for (char b : bases) {
      if (base == b) {
        return true;
      }
    }
    return false;
  }

  private static final char NO_BASE = 0;
  private static final char UNKNOWN = 0xFFFF;

  /**
   * Per char, the first char of its decomposition when that ends with a tone mark, else {@link
   * #NO_BASE}; filled as chars are met ({@link #UNKNOWN} until then), so that the pre-check does
   * not decompose every char of every token it sees. Racing writers store the same value.
   */
  private static final char[] TONED_BASE = new char[Character.MAX_VALUE + 1];

  static {
    java.util.Arrays.fill(TONED_BASE, UNKNOWN);
  }

  private static char tonedBase(char c) {
    char base = TONED_BASE[c];
    if (base == UNKNOWN) {
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      base = d.length() < 2 || !isToneMark(d.charAt(d.length() - 1)) ? NO_BASE : d.charAt(0);
      TONED_BASE[c] = base;
    }
    return base;
  }

  /**
   * Moves the tone mark of a decomposed syllable {@code s[start, end)} from the second to the first
   * vowel of a final oa/oe/uy, appending the result.
   */
  private static void appendSyllable(String s, int start, int end, StringBuilder out) {
    // Collect base letters (lowercased) with their indices, and the tone mark position.
    int toneIndex = -1;
    int lastBase = -1;
    int prevBase = -1;
    int beforePrevBase = -1;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (isToneMark(c)) {
        toneIndex = i;
      } else if (!isMark(c)) {
        beforePrevBase = prevBase;
        prevBase = lastBase;
        lastBase = i;
      }
    }
    boolean movable =
        toneIndex > lastBase
            && prevBase >= start
            && endsWithOpenGlide(s, prevBase, lastBase)
            && !(beforePrevBase >= start && Character.toLowerCase(s.charAt(beforePrevBase)) == 'q');
    if (!movable) {
      out.append(s, start, end);
      return;
    }
    char tone = s.charAt(toneIndex);
    // Re-emit with the tone right after the first vowel's own marks.
    int firstVowelEnd = prevBase + 1;
    while (firstVowelEnd < lastBase && isMark(s.charAt(firstVowelEnd))) {
      firstVowelEnd++;
    }
    for (int i = start; i < end; i++) {
      if (i == toneIndex) {
        continue;
      }
      if (i == firstVowelEnd) {
        out.append(tone);
      }
      out.append(s.charAt(i));
    }
  }

  private static boolean endsWithOpenGlide(String s, int first, int second) {
    char a = Character.toLowerCase(s.charAt(first));
    char b = Character.toLowerCase(s.charAt(second));
    // The first vowel must carry no other mark (ô, ơ, ư change the nucleus: "ươ", "ôa" do not
    // occur).
    for (int i = first + 1; i < second; i++) {
      if (!isToneMark(s.charAt(i))) {
        return false;
      }
    }
    return (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
  }

  private static boolean isLetterOrMark(char c) {
    return Character.isLetter(c) || isMark(c);
  }

  private static boolean isMark(char c) {
    return Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** The five Vietnamese tone marks in decomposed form: huyền, sắc, hỏi, ngã, nặng. */
  static boolean isToneMark(char c) {
    return c == '\u0300' || c == '\u0301' || c == '\u0309' || c == '\u0303' || c == '\u0323';
  }
}

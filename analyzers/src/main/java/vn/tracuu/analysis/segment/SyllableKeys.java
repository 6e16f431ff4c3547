package vn.tracuu.analysis.segment;

import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.analysis.VietnameseNormalizer;

/**
 * The lookup key of one syllable, written into a scratch array without allocating: lower case,
 * canonical tone placement (hoà → hòa, thuỷ → thủy, as {@link VietnameseNormalizer}), and for the
 * folded form without diacritics. Syllables with characters outside the precomposed Latin letters
 * (combining marks, other scripts) take the slow path through the normaliser.
 */
final class SyllableKeys {

  private static final int TABLE = 0x1F00;

  /** Lower case of each fast-path char, 0 for chars that need the slow path. */
  private static final char[] LOWER = new char[TABLE];

  /** Folded form of each lower-case fast-path char. */
  private static final char[] FOLD = new char[TABLE];

  private static final String TONED_A = "àáảãạ";
  private static final String TONED_E = "èéẻẽẹ";
  private static final String TONED_Y = "ỳýỷỹỵ";
  private static final String TONED_O = "òóỏõọ";
  private static final String TONED_U = "ùúủũụ";

  static {
    for (char c = 0; c < TABLE; c++) {
      String s = String.valueOf(c);
      boolean fast =
          c < 0x80
              ? Character.isLetterOrDigit(c)
              : (c >= 0xC0 && c <= 0x1B0 || c >= 0x1EA0 && c <= 0x1EF9)
                  && Character.isLetter(c)
                  && VietnameseNormalizer.normalize(s).equals(s);
      if (!fast) {
        continue;
      }
      String lowerString = s.toLowerCase(java.util.Locale.ROOT);
      if (lowerString.length() != 1) {
        continue; // İ
      }
      char lower = lowerString.charAt(0);
      String folded = DiacriticFolder.fold(String.valueOf(lower));
      if (lower >= TABLE || folded.length() != 1) {
        continue;
      }
      LOWER[c] = lower;
      FOLD[c] = folded.charAt(0);
    }
  }

  private SyllableKeys() {}

  /**
   * Writes the key of {@code text[s, e)} into {@code scratch} (at least {@code e - s} long) and
   * returns its length, or -1 when the syllable needs {@link #slowKey}.
   */
  static int key(char[] text, int s, int e, boolean folded, char[] scratch) {
    int len = e - s;
    if (len > scratch.length) {
      return -1;
    }
    for (int i = 0; i < len; i++) {
      char c = text[s + i];
      char l = c < TABLE ? LOWER[c] : 0;
      if (l == 0) {
        return -1;
      }
      scratch[i] = folded ? FOLD[l] : l;
    }
    if (!folded && len >= 2) {
      moveTone(scratch, len);
    }
    return len;
  }

  /** The key through the normaliser, for syllables {@link #key} does not handle. */
  static String slowKey(CharSequence syllable, boolean folded) {
    String k = Lexicon.key(syllable);
    return folded ? DiacriticFolder.fold(k) : k;
  }

  /** Final open oa/oe/uy: the tone goes on the first vowel (not after q: "quý"). */
  private static void moveTone(char[] k, int len) {
    char p = k[len - 2];
    char c = k[len - 1];
    if (len >= 3 && k[len - 3] == 'q') {
      return;
    }
    int tone;
    if (p == 'o') {
      tone = TONED_A.indexOf(c);
      char base = 'a';
      if (tone < 0) {
        tone = TONED_E.indexOf(c);
        base = 'e';
      }
      if (tone >= 0) {
        k[len - 2] = TONED_O.charAt(tone);
        k[len - 1] = base;
      }
    } else if (p == 'u') {
      tone = TONED_Y.indexOf(c);
      if (tone >= 0) {
        k[len - 2] = TONED_U.charAt(tone);
        k[len - 1] = 'y';
      }
    }
  }
}

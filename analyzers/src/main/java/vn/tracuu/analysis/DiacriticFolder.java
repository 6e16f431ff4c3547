package vn.tracuu.analysis;

import java.text.Normalizer;

/**
 * Removes Vietnamese diacritics: tone marks and vowel marks, and maps đ/Đ to d/D, so that text
 * typed without diacritics ("chinh quyen dien tu") matches "chính quyền điện tử".
 */
public final class DiacriticFolder {

  /** Folded form of each precomposed char below this bound, 0 where the slow path is needed. */
  private static final char[] FOLD = new char[0x1F00];

  static {
    for (char c = 0; c < FOLD.length; c++) {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      String f = slowFold(String.valueOf(c));
      if (f.length() == 1) {
        FOLD[c] = f.charAt(0);
      }
    }
  }

  private DiacriticFolder() {}

  /** Returns {@code text} without diacritics; characters other than marks and đ are unchanged. */
  public static String fold(CharSequence text) {
    if (isAscii(text)) {
      return text.toString();
    }
    return slowFold(text);
  }

  /**
   * Folds {@code buf[0, len)} in place when every char has a one-char folded form (precomposed
   * letters, the usual case); returns false, leaving {@code buf} unchanged, when {@link #fold} is
   * needed (combining marks, other scripts).
   */
  public static boolean foldInPlace(char[] buf, int len) {
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      if (c >= FOLD.length || FOLD[c] == 0) {
        return false;
      }
    }
    for (int i = 0; i < len; i++) {
      buf[i] = FOLD[buf[i]];
    }
    return true;
  }

  private static String slowFold(CharSequence text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      out.append(
          switch (c) {
            case 'đ' -> 'd';
            case 'Đ' -> 'D';
            default -> c;
          });
    }
    return out.toString();
  }

  private static boolean isAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}

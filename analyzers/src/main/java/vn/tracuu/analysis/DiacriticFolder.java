package vn.tracuu.analysis;

import java.text.Normalizer;

/**
 * Removes Vietnamese diacritics: tone marks and vowel marks, and maps đ/Đ to d/D, so that text
 * typed without diacritics ("chinh quyen dien tu") matches "chính quyền điện tử".
 */
public final class DiacriticFolder {

  private DiacriticFolder() {}

  /** Returns {@code text} without diacritics; characters other than marks and đ are unchanged. */
  public static String fold(CharSequence text) {
    if (isAscii(text)) {
      return text.toString();
    }
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

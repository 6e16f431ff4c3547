package vn.tracuu.analysis.legacy;

import java.util.Locale;

/**
 * The 8-bit Vietnamese encodings that predate Unicode and still fill old archives. Text in them
 * reaches us as mojibake: its bytes read as windows-1252 or Latin-1, or drawn through a legacy font
 * whose code points Word and PDF producers report as Latin-1 characters.
 */
public enum LegacyEncoding {
  /** TCVN 5712:1993 VN3, the ABC fonts (.VnTime, .VnArial): one byte per lowercase letter. */
  TCVN3,
  /** VNI-Windows (VNI-Times…): a base letter followed by a mark character. */
  VNI,
  /** VISCII (RFC 1456): one byte for each of the 134 precomposed letters. */
  VISCII,
  /** windows-1258: the Vietnamese letters ă â đ ê ô ơ ư, with tones as combining marks. */
  WINDOWS_1258;

  /** The name stored in the index, e.g. {@code tcvn3}, {@code windows-1258}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

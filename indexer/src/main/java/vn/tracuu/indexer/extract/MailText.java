package vn.tracuu.indexer.extract;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;
import vn.tracuu.analysis.legacy.LegacyVietnamese;

/**
 * Bytes of a mail text part → NFC text. The declared charset is honoured when the bytes decode
 * cleanly with it; a missing, unknown or wrong label (8-bit bytes under us-ascii, invalid UTF-8) is
 * replaced by detection. Vietnamese mail adds one case detectors do not know: windows-1258, which
 * writes tone marks as combining characters.
 */
final class MailText {

  private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

  private MailText() {}

  /** Decodes {@code bytes} labelled {@code label} (may be null). */
  static String decode(byte[] bytes, String label) {
    return decodeRepairing(bytes, label).text();
  }

  /** Like {@link #decode}, saying which legacy encoding the text was repaired from, if any. */
  static LegacyVietnamese.Repair decodeRepairing(byte[] bytes, String label) {
    Charset declared = charset(label);
    String text = null;
    if (declared != null && !(isLatin(declared) && hasUtf8Sequences(bytes))) {
      text = strict(bytes, declared);
    }
    if (text == null) {
      text = strict(bytes, StandardCharsets.UTF_8);
    }
    if (text == null) {
      Charset detected = detect(bytes);
      text = new String(bytes, detected != null ? detected : StandardCharsets.ISO_8859_1);
    }
    LegacyVietnamese.Repair repair = LegacyVietnamese.repair(text);
    return new LegacyVietnamese.Repair(
        Normalizer.normalize(repair.text(), Normalizer.Form.NFC), repair.encoding());
  }

  /** Decodes a header's raw bytes/characters when RFC 2047 did not say the charset. */
  static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String repaired = repairLegacyVietnamese(text);
    return Normalizer.normalize(repaired, Normalizer.Form.NFC);
  }

  /**
   * TCVN3/ABC, VNI, VISCII or windows-1258 text that arrived mislabelled as Latin-1 or
   * windows-1252, converted to Unicode; other text unchanged.
   */
  static String repairLegacyVietnamese(String text) {
    return LegacyVietnamese.repair(text).text();
  }

  static Charset charset(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String name = label.strip().replace("\"", "");
    try {
      return Charset.forName(MimeUtility.javaCharset(name));
    } catch (IllegalArgumentException e) {
      // Unknown or illegal label ("unicode-1-1-utf-7", "x-unknown"): detection decides.
      return null;
    }
  }

  /**
   * True when the bytes hold multi-byte UTF-8 sequences: text labelled us-ascii or Latin-1 (the
   * defaults of many mailers) is then UTF-8, since Latin-1 text almost never forms them.
   */
  private static boolean hasUtf8Sequences(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return strict(bytes, StandardCharsets.UTF_8) != null;
      }
    }
    return false;
  }

  private static String strict(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** The charset of text that is not valid UTF-8 and carried no usable label. */
  static Charset detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 16));
    detector.dataEnd();
    Charset detected = charset(detector.getDetectedCharset());
    if ((detected == null || isLatin(detected)) && looksLikeWindows1258(bytes)) {
      return WINDOWS_1258;
    }
    return detected;
  }

  private static boolean isLatin(Charset charset) {
    // Jakarta Mail maps the label us-ascii to ISO-8859-1.
    String name = charset.name().toLowerCase(Locale.ROOT);
    return name.equals("iso-8859-1") || name.equals("windows-1252") || name.equals("us-ascii");
  }

  /**
   * windows-1258 text has the Vietnamese letters ă â đ ê ô ơ ư and, after a vowel, the combining
   * tone marks at 0xCC (grave), 0xEC (acute), 0xD2 (hook), 0xDE (tilde), 0xF2 (dot below); Latin-1
   * text almost never has those bytes right after a vowel.
   */
  static boolean looksLikeWindows1258(byte[] bytes) {
    int tones = 0;
    for (int i = 1; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if ((b == 0xCC || b == 0xEC || b == 0xD2 || b == 0xDE || b == 0xF2)
          && isVowel(bytes[i - 1] & 0xff)) {
        tones++;
      }
    }
    return tones >= 2;
  }

  private static boolean isVowel(int b) {
    return "aeiouyAEIOUY".indexOf(b) >= 0
        || b == 0xE2
        || b == 0xC2 // â Â
        || b == 0xEA
        || b == 0xCA // ê Ê
        || b == 0xF4
        || b == 0xD4 // ô Ô
        || b == 0xF5
        || b == 0xD5 // ơ Ơ
        || b == 0xFD
        || b == 0xDD // ư Ư
        || b == 0xE3
        || b == 0xC3; // ă Ă
  }
}

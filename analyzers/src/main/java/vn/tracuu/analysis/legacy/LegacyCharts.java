package vn.tracuu.analysis.legacy;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * Code charts of the legacy encodings (written from the published charts: TCVN 5712:1993 VN3 as
 * used by the ABC fonts, RFC 1456 for VISCII) and the way back from a mojibake character to the
 * byte it came from.
 */
final class LegacyCharts {

  /** TCVN3 (VN3): byte → letter, 0 where VN3 leaves the byte to ASCII/Latin-1. */
  static final char[] TCVN3 = new char[256];

  /** VISCII: byte → letter; every byte 0x80-0xFF and six control bytes are letters. */
  static final char[] VISCII = new char[256];

  private static final Charset CP1252 = Charset.forName("windows-1252");

  /** The characters windows-1252 puts at 0x80-0x9F, where Latin-1 has control codes. */
  private static final Map<Character, Integer> CP1252_SPECIALS = new HashMap<>();

  static {
    put(TCVN3, 0xA1, "ĂÂÊÔƠƯĐăâêôơưđ");
    put(TCVN3, 0xB5, "àảãáạ");
    put(TCVN3, 0xBB, "ằẳẵắ");
    put(TCVN3, 0xC6, "ặầẩẫấậè");
    put(TCVN3, 0xCE, "ẻẽéẹềểễếệìỉ");
    put(TCVN3, 0xDC, "ĩíịò");
    put(TCVN3, 0xE1, "ỏõóọồổỗốộờởỡớợù");
    put(TCVN3, 0xF1, "ủũúụừửữứựỳỷỹýỵ");

    put(VISCII, 0x80, "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ");
    put(VISCII, 0x90, "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ");
    put(VISCII, 0xA0, "Õắằặấầẩậẽẹếềểễệố");
    put(VISCII, 0xB0, "ồổỗỠƠộờởịỰỨỪỬơớƯ");
    put(VISCII, 0xC0, "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ");
    put(VISCII, 0xD0, "ĐứÒÓÔạỷừửÙÚỹỵÝỡư");
    put(VISCII, 0xE0, "àáâãảăữẫèéêẻìíĩỉ");
    put(VISCII, 0xF0, "đựòóôõỏọụùúũủýợỮ");
    VISCII[0x02] = 'Ẳ';
    VISCII[0x05] = 'Ẵ';
    VISCII[0x06] = 'Ẫ';
    VISCII[0x14] = 'Ỷ';
    VISCII[0x19] = 'Ỹ';
    VISCII[0x1E] = 'Ỵ';
    for (int b = 0x80; b < 0xA0; b++) {
      char c = charOf(b);
      if (c != b) {
        CP1252_SPECIALS.put(c, b);
      }
    }
  }

  private LegacyCharts() {}

  private static void put(char[] table, int first, String letters) {
    for (int i = 0; i < letters.length(); i++) {
      table[first + i] = letters.charAt(i);
    }
  }

  /**
   * The byte a mojibake character stands for: itself below 256 (Latin-1 decoding), else its
   * windows-1252 byte (the 0x80-0x9F range: € ‚ ƒ „ … Œ ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); -1 when the
   * character cannot have come from one byte.
   */
  static int byteOf(char c) {
    if (c < 256) {
      return c;
    }
    Integer b = CP1252_SPECIALS.get(c);
    return b == null ? -1 : b;
  }

  /** The mojibake character of a byte, as windows-1252 shows it (Latin-1 where 1252 has none). */
  static char charOf(int b) {
    if (b < 0x80 || b >= 0xA0) {
      return (char) b;
    }
    String s = new String(new byte[] {(byte) b}, CP1252);
    char c = s.charAt(0);
    return c == '\uFFFD' ? (char) b : c;
  }
}

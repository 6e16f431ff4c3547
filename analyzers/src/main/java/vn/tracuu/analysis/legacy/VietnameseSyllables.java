package vn.tracuu.analysis.legacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a word is a well-formed Vietnamese syllable (âm tiết): an onset, a rhyme from the closed
 * set of Vietnamese rhymes, at most one tone, and a sharp or heavy tone when the rhyme ends in a
 * stop (c, ch, p, t). Mojibake decoded with the wrong chart almost never passes.
 */
final class VietnameseSyllables {

  private static final String[] ONSETS = {
    "ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
  };

  /** Rhymes without tone (vần), as Vietnamese spelling writes them. */
  private static final Set<String> RHYMES =
      Set.of(
          ("a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây"
                  + " e ec em en eng eo ep et ê êch êm ên ênh êp êt êu"
                  + " i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu"
                  + " o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay"
                  + " oăc oăm oăn oăng oăt oe oec oen oeo oet ooc oong"
                  + " ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt"
                  + " u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyn"
                  + " uynh uyp uyt uyu uyên uyêt uôc uôi uôm uôn uông uôt"
                  + " ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu"
                  + " y ych yn ynh yt yu yêm yên yêt yêu")
              .split(" "));

  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private VietnameseSyllables() {}

  /** True when {@code word} (letters only, any case) is one Vietnamese syllable. */
  static boolean isSyllable(String word) {
    String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder toneless = new StringBuilder(decomposed.length());
    char tone = 0;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (TONES.indexOf(c) >= 0) {
        if (tone != 0) {
          return false;
        }
        tone = c;
      } else {
        toneless.append(c);
      }
    }
    String base = Normalizer.normalize(toneless, Normalizer.Form.NFC);
    for (String onset : ONSETS) {
      if (base.startsWith(onset)) {
        String rhyme = base.substring(onset.length());
        if (RHYMES.contains(rhyme) && toneFits(rhyme, tone)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A rhyme closed by a stop takes only the sharp (sắc) or heavy (nặng) tone. */
  private static boolean toneFits(String rhyme, char tone) {
    boolean stop =
        rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p") || rhyme.endsWith("t");
    return !stop || tone == '\u0301' || tone == '\u0323';
  }
}

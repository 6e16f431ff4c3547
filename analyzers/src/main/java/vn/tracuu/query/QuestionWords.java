package vn.tracuu.query;

import java.util.HashSet;
import java.util.Set;
import vn.tracuu.analysis.DiacriticFolder;

/**
 * Syllables that frame a question rather than say what it is about, left out of ranking (never out
 * of matching or of the index): interrogatives ("gì", "nào", "bao nhiêu", "ai", "đâu", "sao",
 * "mấy"), the frames "… không?", "đúng hay sai?", "như thế nào", "sau đây" / "dưới đây", and the
 * commonest function words ("là", "thì", "của", "và", "các", "những", "có", "được", "này", "đó").
 *
 * <p>BM25 gives such syllables a low weight already, but a long question repeats them, and long
 * articles that contain them many times gain from it (measured on ALQAC: README, "Vietnamese
 * analysis and evaluation"). Only the lone syllable is dropped: its pairs with a content syllable
 * ({@code sau_cai} in "quản lý sau cai nghiện", {@code có_thẩm} in "có thẩm quyền") still rank. The
 * folded list is the fold of this one, so "co" (có, cơ, cổ…) is dropped in the folded form; the
 * pairs ({@code co_quan}) keep those words searchable.
 */
final class QuestionWords {

  /** As the exact form writes them (lower case, NFC). */
  static final Set<String> EXACT =
      Set.of(
          "gì", "nào", "sao", "đâu", "ai", "mấy", "bao", "nhiêu", "không", "đúng", "hay", "sai",
          "như", "thế", "là", "thì", "của", "và", "các", "những", "có", "được", "này", "đó", "đây",
          "sau", "dưới");

  /** Without diacritics, as the folded form writes them. */
  static final Set<String> FOLDED = folded(EXACT);

  private QuestionWords() {}

  private static Set<String> folded(Set<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(DiacriticFolder.fold(w));
    }
    return Set.copyOf(out);
  }
}

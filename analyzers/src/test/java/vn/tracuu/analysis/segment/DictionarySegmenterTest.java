package vn.tracuu.analysis.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DictionarySegmenterTest {

  private static final WordSegmenter SEGMENTER = new DictionarySegmenter();

  /** The words of {@code text} in the gold notation: syllables joined by "_". */
  static String segmented(WordSegmenter segmenter, String text) {
    StringBuilder sb = new StringBuilder();
    for (Word w : segmenter.segment(text)) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(text.substring(w.start(), w.end()).replace(' ', '_'));
    }
    return sb.toString();
  }

  @Test
  void groupsSyllablesIntoDictionaryWords() {
    assertEquals(
        "Đại_sứ_quán triển_khai chính_sách .",
        segmented(SEGMENTER, "Đại sứ quán triển khai chính sách."));
    // An entry made of known words gives way to them: as many syllables covered, more words.
    assertEquals(
        "Ủy_ban nhân_dân tỉnh triển_khai chính_quyền điện_tử .",
        segmented(SEGMENTER, "Ủy ban nhân dân tỉnh triển khai chính quyền điện tử."));
  }

  @Test
  void everydayWordsOfManyDomainsAreListed() {
    // Health, food, sport, the armed forces, religion, courts, feelings, building, computing and
    // farming: each sentence is our own and each joined pair is a word of the list.
    for (String expected :
        List.of(
            "Bác_sĩ nội_soi dạ_dày rồi cho bệnh_nhân nằm_viện vì xuất_huyết .",
            "Mẹ pha_chế nước_mắm , tẩm_ướp thịt rồi chiên_rán trong chảo .",
            "Tiền_đạo ghi_bàn ở phút bù_giờ , thủ_môn đội khách phản_lưới .",
            "Các hạ_sĩ_quan của lữ_đoàn công_binh diễn_tập phục_kích .",
            "Phật_tử đến thiền_viện cúng_dường , tụng_kinh và cầu_siêu .",
            "Viện_kiểm_sát kê_biên tài_sản , bị_can tại_ngoại chờ tranh_tụng .",
            "Cô ấy thẫn_thờ , bần_thần rồi chợp_mắt lúc chập_tối .",
            "Họ dựng giàn_giáo , đóng cốp_pha cho tầng_lửng .",
            "Lập_trình_viên sao_lưu dữ_liệu trước khi đăng_xuất .",
            "Nông_dân cày_cấy , bón phân_chuồng , lo rầy_nâu phá lúa .")) {
      String sentence = expected.replace('_', ' ').replace(" ,", ",").replace(" .", ".");
      assertEquals(expected, segmented(SEGMENTER, sentence));
    }
    // The list leaves out a head noun and its kind and a verb and its result, as the gold does.
    assertEquals("mua cá chép , giữ chặt túi", segmented(SEGMENTER, "mua cá chép, giữ chặt túi"));
  }

  @Test
  void capitalisedRunsAreNames() {
    List<Word> words = SEGMENTER.segment("Hôm qua ông Nguyễn Văn Bình đến Hà Nội");
    assertEquals(
        "Hôm_qua ông Nguyễn_Văn_Bình đến Hà_Nội",
        segmented(SEGMENTER, "Hôm qua ông Nguyễn Văn Bình đến Hà Nội"));
    assertEquals(TokenType.NAME, words.get(2).type());
    // A capital that only opens the sentence does not start a name; a surname does.
    assertEquals("Trần_Văn_Hải phát_biểu", segmented(SEGMENTER, "Trần Văn Hải phát biểu"));
    // Two capitalised syllables opening a sentence, a quote or a bracket are a name…
    assertEquals("Đồng_Nai mưa to", segmented(SEGMENTER, "Đồng Nai mưa to"));
    assertEquals("sống ở ( Bình_Thạnh )", segmented(SEGMENTER, "sống ở (Bình Thạnh)"));
    assertEquals("- Quảng_Ngãi :", segmented(SEGMENTER, "- Quảng Ngãi:"));
    // …unless the first is a function word or a title that only opens the sentence.
    assertEquals("Theo Lan , mưa to", segmented(SEGMENTER, "Theo Lan, mưa to"));
    assertEquals("Thầy Minh phát_biểu", segmented(SEGMENTER, "Thầy Minh phát biểu"));
    // Mid-sentence, a capitalised place noun belongs to the name.
    assertEquals("qua Sông_Hồng", segmented(SEGMENTER, "qua Sông Hồng"));
    assertEquals("Ở Huế mưa to", segmented(SEGMENTER, "Ở Huế mưa to"));
    // A capitalised syllable that forms a word with the next one stays with it.
    assertEquals("Bộ Y_tế", segmented(SEGMENTER, "của Bộ Y tế").substring(4));
  }

  @Test
  void numbersDatesUrlsAndAddressesAreWhole() {
    List<Word> words =
        SEGMENTER.segment(
            "Ngày 19/8/2019, thu 1.000.000 đồng; gửi vanthu@hoason.gov.vn, xem www.hoason.gov.vn.");
    assertTrue(words.contains(word(words, "19/8/2019", TokenType.NUMBER)));
    assertTrue(words.contains(word(words, "1.000.000", TokenType.NUMBER)));
    assertTrue(words.contains(word(words, "vanthu@hoason.gov.vn", TokenType.EMAIL)));
    assertTrue(words.contains(word(words, "www.hoason.gov.vn", TokenType.URL)));
  }

  @Test
  void documentNumbersInTheirUsualSpellings() {
    for (String number : List.of("1952/QĐ-UBND", "30/2020/NĐ-CP", "17/NQ-CP", "1952 / QĐ - UBND")) {
      List<Word> words = SEGMENTER.segment("Căn cứ " + number + " ngày");
      assertEquals(TokenType.DOC_NUMBER, words.get(1).type(), number);
      assertEquals(number, ("Căn cứ " + number).substring(words.get(1).start()));
    }
    // A rate is not a document number.
    assertEquals(TokenType.NUMBER, SEGMENTER.segment("50/tháng").get(0).type());
  }

  @Test
  void foldedSegmenterSegmentsTextTypedWithoutDiacritics() {
    WordSegmenter folded = new DictionarySegmenter(Lexicon.builtIn(), true);
    assertEquals("chinh_quyen dien_tu tinh", segmented(folded, "chinh quyen dien tu tinh"));
  }

  @Test
  void learnedCompoundsJoinTheLexicon() {
    CompoundLearner learner = new CompoundLearner();
    for (int i = 0; i < 5; i++) {
      learner.observe("Chợ nổi Cái Răng đông vui, khách đi chợ nổi từ sáng.");
    }
    Map<String, Float> learned = learner.compounds(3, 0.2);
    assertTrue(learned.containsKey("chợ nổi"), learned::toString);
    WordSegmenter segmenter =
        new DictionarySegmenter(Lexicon.builtIn().withCompounds(learned), false);
    assertTrue(segmented(segmenter, "mua ở chợ nổi").endsWith("chợ_nổi"));
    assertEquals("mua ở chợ nổi", segmented(SEGMENTER, "mua ở chợ nổi"));
  }

  @Test
  void abbreviationsKeepTheirPeriod() {
    assertEquals(
        "tại TP. HCM , Q. 3 , P. Bến_Nghé .",
        segmented(SEGMENTER, "tại TP. HCM, Q. 3, P. Bến Nghé."));
    Word tp = SEGMENTER.segment("TP. Huế").get(0);
    assertEquals(3, tp.end() - tp.start());
    assertEquals(2, tp.syllableEnd(0) - tp.syllableStart(0), "the syllable has no period");
    // A period that ends a sentence stays punctuation, even after a capitalised word.
    assertEquals("về Huế .", segmented(SEGMENTER, "về Huế."));
    assertEquals("ở VN . Sau", segmented(SEGMENTER, "ở VN. Sau"));
  }

  @Test
  void dottedAbbreviationsAndInitialsAreWhole() {
    assertEquals("về TP.HCM hôm_qua", segmented(SEGMENTER, "về TP.HCM hôm qua"));
    List<Word> words = SEGMENTER.segment("đến U.S.A. rồi");
    assertEquals("U.S.A.", "đến U.S.A. rồi".substring(words.get(1).start(), words.get(1).end()));
    assertEquals(TokenType.CODE, words.get(1).type());
    // A sentence never goes on in lower case: the period after a lone capital is an initial's.
    assertEquals("chị H. phát_biểu", segmented(SEGMENTER, "chị H. phát biểu"));
    assertEquals("anh T. , 30 tuổi", segmented(SEGMENTER, "anh T., 30 tuổi"));
    // Before a capital it may end the sentence.
    assertEquals("uống vitamin C . Hôm_qua", segmented(SEGMENTER, "uống vitamin C. Hôm qua"));
  }

  @Test
  void reduplicatedSyllablesAreOneWord() {
    assertEquals(
        "trời xanh_xanh , đêm_đêm mưa", segmented(SEGMENTER, "trời xanh xanh, đêm đêm mưa"));
    // A function word said twice is a repetition, not a word.
    assertEquals("có có không", segmented(SEGMENTER, "có có không"));
  }

  @Test
  void numberPlatesAreOneCode() {
    List<Word> words = SEGMENTER.segment("xe 51A-123.45 và 29B1-0567 , năm 2003-2006");
    assertEquals(
        "xe 51A-123.45 và 29B1-0567 , năm 2003-2006",
        segmented(SEGMENTER, "xe 51A-123.45 và 29B1-0567 , năm 2003-2006"));
    assertEquals(TokenType.CODE, words.get(1).type());
    assertEquals(TokenType.NUMBER, words.get(6).type());
  }

  @Test
  void learnerSkipsFunctionWordsAndAcronyms() {
    CompoundLearner learner = new CompoundLearner();
    for (int i = 0; i < 10; i++) {
      learner.observe("Ông cho biết UBND TP đã chi năm triệu đồng cho chợ nổi.");
    }
    Map<String, Float> learned = learner.compounds(3, 0.01);
    assertTrue(learned.containsKey("chợ nổi"), learned::toString);
    for (String phrase : List.of("cho biết", "triệu đồng", "ubnd tp", "đã chi", "năm triệu")) {
      assertTrue(!learned.containsKey(phrase), phrase + " is a phrase, not a word");
    }
  }

  @Test
  void learnerTakesEchoingPairsFromFewerOccurrences() {
    assertTrue(CompoundLearner.echoes("lấp", "ló"), "same initial consonant");
    assertTrue(CompoundLearner.echoes("lơ", "thơ"), "same rhyme");
    assertTrue(CompoundLearner.echoes("bối", "rối"), "same rhyme, tone aside");
    assertTrue(!CompoundLearner.echoes("tôi", "lợi"), "ôi and ơi are different rhymes");
    assertTrue(!CompoundLearner.echoes("chợ", "nổi"));
    CompoundLearner learner = new CompoundLearner();
    for (int i = 0; i < 2; i++) {
      learner.observe("Ánh đèn lấp ló sau rặng tre, ghe chợ nổi cập bến.");
    }
    Map<String, Float> learned =
        learner.compounds(CompoundLearner.DEFAULT_MIN_COUNT, CompoundLearner.DEFAULT_MIN_DICE);
    assertTrue(learned.containsKey("lấp ló"), learned::toString);
    assertTrue(!learned.containsKey("chợ nổi"), "seen twice only");
  }

  @Test
  void learnerCountsOnlyWhatTheLexiconLeavesAlone() {
    CompoundLearner learner = new CompoundLearner();
    for (int i = 0; i < 10; i++) {
      learner.observe("Công ty mở rộng chợ nổi.");
    }
    Map<String, Float> learned = learner.compounds(3, 0.01);
    assertTrue(learned.containsKey("chợ nổi"), learned::toString);
    // "rộng" is part of the known word "mở rộng": no evidence for a compound "rộng chợ".
    assertEquals(Set.of("chợ nổi"), learned.keySet());
  }

  private static Word word(List<Word> words, String text, TokenType type) {
    for (Word w : words) {
      if (w.type() == type && w.end() - w.start() == text.length()) {
        return w;
      }
    }
    return null;
  }
}

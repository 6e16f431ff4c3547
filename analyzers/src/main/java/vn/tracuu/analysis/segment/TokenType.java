package vn.tracuu.analysis.segment;

/** What a segmented unit is; becomes the Lucene token type. */
public enum TokenType {
  /** A dictionary word or a lone syllable. */
  WORD,
  /** A run of capitalised syllables: a person, place or organisation name. */
  NAME,
  /** Digits, possibly with separators: 1.000, 3,5, 19/8/2019, 10:30. */
  NUMBER,
  /** Letters and digits joined by hyphens or mixed: H5N1, e-mail, QĐ-UBND. */
  CODE,
  /** An official document number (số ký hiệu): 1952/QĐ-UBND, 30/2020/NĐ-CP. */
  DOC_NUMBER,
  URL,
  EMAIL,
  /** Punctuation or a symbol; the Lucene tokenizer drops these. */
  PUNCT;

  private final String luceneType = "<" + name() + ">";

  /** The Lucene type attribute value, e.g. {@code <WORD>}. */
  public String luceneType() {
    return luceneType;
  }
}

package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.Test;
import vn.tracuu.query.UserQueryParser;
import vn.tracuu.schema.IndexSchema;

/**
 * Snippets come from offsets stored in the postings; they must be what analysing the stored text
 * again gives (the reference below, the way snippets were made before schema 3), for exact and
 * folded matches, phrases and field prefixes, over every hit of the samples.
 */
class SnippetTest {

  private static final Caller STAFF = Caller.staff("test", Set.of("staff"));

  @Test
  void snippetsFromPostingsEqualSnippetsFromAnalysis() throws Exception {
    SearchService search = TestServer.get().search;
    Analyzer analyzer = IndexSchema.analyzer();
    QueryLanguage language = new QueryLanguage(analyzer);
    UserQueryParser matching = new UserQueryParser(analyzer);
    UnifiedHighlighter reference =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(50_000)
            .withMaxNoHighlightPassages(0)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 160, 0.5f))
            .build();
    int marked = 0;
    int compared = 0;
    for (String q : TestServer.SAMPLE_QUERIES) {
      // Snippets mark what the query matches, not what only ranks (UserQueryParser.matching).
      Query text = matching.matching(language.parse(q).freeText());
      for (SearchResponse.Hit hit : searchAll(search, q).hits()) {
        String body = search.record(hit.id(), STAFF).orElseThrow().text();
        // Offsets in the postings mark a dictionary word ("điện tử") as one span where the
        // re-analysed text may mark its syllables one by one, and a passage may start a few
        // characters apart: the same words must be marked, in the same order.
        assertEquals(
            marked(expected(reference, text, body)), marked(hit.snippet()), q + " / " + hit.id());
        compared++;
        if (hit.snippet().contains("<mark>")) {
          marked++;
        }
      }
    }
    assertTrue(compared > 100 && marked > 50, compared + " compared, " + marked + " marked");
  }

  /**
   * A quoted phrase marks the phrase only: its syllables elsewhere in the text rank the hit but are
   * not marked (they used to be, through the ranking query's one-syllable clauses).
   */
  @Test
  void phraseMarksOnlyThePhrase() throws Exception {
    SearchService search = TestServer.get().search;
    List<String> phraseMarks = new java.util.ArrayList<>();
    for (SearchResponse.Hit hit : searchAll(search, "\"chính quyền điện tử\"").hits()) {
      phraseMarks.addAll(marked(hit.snippet()));
    }
    assertTrue(!phraseMarks.isEmpty(), "the samples have the phrase in a body");
    for (String mark : phraseMarks) {
      assertEquals("chính quyền điện tử", mark);
    }
    // The same words unquoted are marked one by one too, in the same records: so the samples do
    // hold lone syllables of the phrase that a phrase search must leave unmarked.
    List<String> wordMarks = new java.util.ArrayList<>();
    for (SearchResponse.Hit hit : searchAll(search, "chính quyền điện tử").hits()) {
      wordMarks.addAll(marked(hit.snippet()));
    }
    assertTrue(
        wordMarks.stream().anyMatch(m -> !m.equals("chính quyền điện tử")),
        "unquoted words mark lone syllables: " + wordMarks);
  }

  private static SearchResponse searchAll(SearchService search, String q) throws Exception {
    return search.search(
        SearchRequest.of(
            p ->
                switch (p) {
                  case "q" -> q;
                  case "size" -> "100";
                  default -> null;
                }),
        STAFF);
  }

  private static String expected(UnifiedHighlighter reference, Query text, String body)
      throws Exception {
    if (body == null || body.isEmpty()) {
      return "";
    }
    for (String field : new String[] {IndexSchema.BODY, IndexSchema.BODY_FOLDED}) {
      Object highlighted = reference.highlightWithoutSearcher(field, text, body, 2);
      if (highlighted instanceof String s && s.contains("<mark>")) {
        return s.strip();
      }
    }
    String plain = body.length() > 240 ? body.substring(0, 240) + "…" : body;
    return SearchService.escapeHtml(plain.strip());
  }

  /** The marked words of a snippet, in order (adjacent marks joined). */
  private static List<String> marked(String snippet) {
    if (snippet == null) {
      return List.of();
    }
    return java.util.regex.Pattern.compile("<mark>(.*?)</mark>")
        .matcher(snippet.replace("</mark> <mark>", " "))
        .results()
        .map(m -> m.group(1).toLowerCase(Locale.ROOT))
        .toList();
  }
}

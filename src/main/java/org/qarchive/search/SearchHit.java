package org.qarchive.search;

import java.util.List;

/**
 * One ranked hit, with HTML-safe snippets: all text is escaped and only {@code <mark>} tags are
 * added.
 *
 * @param id entry id
 * @param url canonical URL of the original post
 * @param title post title (plain text, not escaped)
 * @param date ISO date or null
 * @param answeredBy who answered, or null
 * @param questionSnippet highlighted, escaped HTML
 * @param answerSnippet highlighted, escaped HTML
 * @param score relevance score
 * @param similarIds ids of near-duplicate questions folded under this hit ("3 similar answers");
 *     empty if none
 * @param quality how closely the entry matches the query ({@link Closeness})
 */
public record SearchHit(
    String id,
    String url,
    String title,
    String date,
    String answeredBy,
    String questionSnippet,
    String answerSnippet,
    float score,
    List<String> similarIds,
    MatchQuality quality) {

  public SearchHit {
    similarIds = List.copyOf(similarIds == null ? List.of() : similarIds);
    quality = quality == null ? MatchQuality.CLOSE : quality;
  }

  /** A hit that matches closely. */
  public SearchHit(
      String id,
      String url,
      String title,
      String date,
      String answeredBy,
      String questionSnippet,
      String answerSnippet,
      float score,
      List<String> similarIds) {
    this(
        id,
        url,
        title,
        date,
        answeredBy,
        questionSnippet,
        answerSnippet,
        score,
        similarIds,
        MatchQuality.CLOSE);
  }
}

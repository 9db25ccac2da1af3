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
 * @param match why the entry was found: its words, or only its meaning
 * @param meaning how near the entry is to the query in meaning (cosine similarity of the two
 *     vectors, -1..1), or NaN when the search did not compare meanings (lexical ranking, or an
 *     entry without a vector)
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
    Match match,
    float meaning,
    MatchQuality quality) {

  /** Why an entry was found. */
  public enum Match {
    /** It holds the words of the query (or their stems, synonyms or corrections). */
    WORDS,
    /** It holds none of them, and is near the query in meaning. */
    MEANING
  }

  public SearchHit {
    similarIds = List.copyOf(similarIds == null ? List.of() : similarIds);
    match = match == null ? Match.WORDS : match;
    quality = quality == null ? MatchQuality.CLOSE : quality;
  }

  /** A hit whose closeness is not judged (a close one). */
  public SearchHit(
      String id,
      String url,
      String title,
      String date,
      String answeredBy,
      String questionSnippet,
      String answerSnippet,
      float score,
      List<String> similarIds,
      Match match,
      float meaning) {
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
        match,
        meaning,
        MatchQuality.CLOSE);
  }

  /** A hit found by its words, meanings not compared. */
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
        Match.WORDS,
        Float.NaN);
  }

  /** This hit judged {@code q}. */
  public SearchHit withQuality(MatchQuality q) {
    return new SearchHit(
        id,
        url,
        title,
        date,
        answeredBy,
        questionSnippet,
        answerSnippet,
        score,
        similarIds,
        match,
        meaning,
        q);
  }
}

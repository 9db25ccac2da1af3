package org.qarchive.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.qarchive.search.SearchResult.Relaxation;

/**
 * One search, planned by {@link QueryPlanner}: what was typed, what was corrected, the scoring
 * units (each typed word or multi-word synonym span, with the terms a synonym brought in), the
 * ranking query for each way of loosening the search, and the query that marks matches. A plan
 * belongs to one search on one index version; it is not shared between threads.
 */
public final class QueryPlan {

  /**
   * One scoring unit of the plain words: a typed word, or the span of words a multi-word synonym
   * covers, searched over every field.
   *
   * @param typedTerms the analyzed terms of what was typed (after spelling correction)
   * @param synonymTerms the analyzed terms only a synonym brought in
   * @param common whether the unit is a common word that need not match (long queries only)
   * @param weak whether the unit is a stop-like word ("how long", "last", "while", "time") that
   *     says nothing of the topic: it neither matches nor scores (only the words' proximity counts
   *     it)
   * @param concept the units of one typed concept share it: the words a multi-word synonym covers
   *     ("tummy tuck") are one concept, any other unit is one of its own
   * @param alternative whether the unit is a multi-word synonym's other side ("abdominoplasty" for
   *     "tummy tuck"), which stands for all the typed words of its concept at once
   * @param share the largest share of entries that hold one of the unit's terms (how common it is),
   *     or -1 when it was not looked up (a short query, where every word must match anyway)
   * @param query the unit's query over every field, as the ranking query holds it
   */
  public record Unit(
      Set<String> typedTerms,
      Set<String> synonymTerms,
      boolean common,
      boolean weak,
      int concept,
      boolean alternative,
      double share,
      Query query) {
    public Unit {
      typedTerms = Set.copyOf(typedTerms);
      synonymTerms = Set.copyOf(synonymTerms);
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * A word the speller replaced.
   *
   * @param typed the word as typed
   * @param corrected the word searched instead
   */
  public record Correction(String typed, String corrected) {}

  private final String text;
  private final Speller.Corrected corrected;
  private final Speller.Corrected offered;
  private final QueryPlanner.Build build;
  private final Map<Relaxation, Query> rankings = new EnumMap<>(Relaxation.class);
  private List<Unit> units;

  QueryPlan(
      String text,
      Speller.Corrected corrected,
      Speller.Corrected offered,
      QueryPlanner.Build build) {
    this.text = text;
    this.corrected = corrected;
    this.offered = offered;
    this.build = build;
  }

  /** The query as typed, cleaned of control characters. */
  public String text() {
    return text;
  }

  /** The spelling-corrected query that is searched instead of the typed one, or null. */
  public String correctedQuery() {
    return corrected == null ? null : corrected.text();
  }

  /**
   * A spelling offered ("did you mean") but not searched: the query with also the corrections of
   * real words no entry holds ("prostate cancer" for "prostrate cancer"); null when there is none.
   * Such a correction is offered only where the entries hold it next to a word of the query, so the
   * query as typed always finds something through that word, and the patient chooses.
   */
  public String suggestedQuery() {
    return offered == null ? null : offered.text();
  }

  /** The words the speller replaced, in reading order; empty when nothing was corrected. */
  public List<Correction> corrections() {
    return corrected == null ? List.of() : corrected.corrections();
  }

  /** Whether nothing searchable was typed (the search then lists entries by date). */
  public boolean isBlank() {
    return build.parsed.isBlank();
  }

  /**
   * The number of distinct analyzed plain words (stopwords do not count): how far the search can be
   * loosened.
   */
  public int wordCount() {
    return build.typed.size();
  }

  /**
   * The ways to run the search, in order: as typed ({@link Relaxation#NONE}), then, when that finds
   * nothing, with most words ({@link Relaxation#MOST_WORDS}, for three or more words that must all
   * match), then with any word ({@link Relaxation#ANY_WORD}, for two or more).
   */
  public List<Relaxation> relaxations() {
    return build.relaxations();
  }

  /**
   * The number of distinct analyzed plain words that are not stop-like ({@link Unit#weak()}): how
   * many must match before loosening (all of them up to {@link Ranking#allWordsUpTo()}).
   */
  public int contentWordCount() {
    return build.content().size();
  }

  /**
   * Whether the ranking query of {@code step} requires every content word, so that every entry it
   * finds matches closely.
   */
  public boolean requiresAllWords(Relaxation step) {
    return step == Relaxation.NONE && build.defaultMatch() == QueryPlanner.Match.ALL;
  }

  /** The ranking query for one of {@link #relaxations()}; built on first use. */
  public Query ranking(Relaxation step) {
    return rankings.computeIfAbsent(step, build::ranking);
  }

  /**
   * The query that marks matches in snippets: every scored word, synonym, phrase and alternative,
   * none required, no proximity clause; the same whichever way the search was loosened.
   */
  public Query highlight() {
    return build.highlight;
  }

  /**
   * What every entry found must hold or lack, however it was found (by its words or by its
   * meaning): the quoted phrases, one of each OR's alternatives, none of the excluded words; null
   * when the query sets none.
   */
  public Query constraints() {
    return build.constraints();
  }

  /**
   * Whether the query is a few keywords that must all match as typed (before any loosening): such a
   * query names what it wants, so entries holding its words rank above entries near it in meaning
   * only.
   */
  public boolean keywords() {
    return !isBlank() && build.defaultMatch() == QueryPlanner.Match.ALL;
  }

  /**
   * The scoring units of the plain words, in query order; empty for a query of phrases only. The
   * words a multi-word synonym covers ("after surgery" for "postoperative care") are each a unit of
   * their own, the synonym's other side an alternative to each: a synonym only ever adds matches.
   */
  public List<Unit> units() {
    if (units == null) {
      units = build.describeUnits();
    }
    return units;
  }

  @Override
  public String toString() {
    return "QueryPlan[" + text + (corrected == null ? "" : " -> " + corrected.text()) + "]";
  }
}

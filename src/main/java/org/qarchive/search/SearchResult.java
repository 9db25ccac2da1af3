package org.qarchive.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param request what was asked
 * @param total number of matching entries; a lower bound when {@code totalExact} is false
 * @param totalExact whether {@code total} is the exact count; only a search without facets ({@link
 *     SearchRequest#facets()}) stops counting, once it has counted well past the page ("1000+")
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param hits this page's hits, best first
 * @param facets counts per value of each facet field (category, tag, year, answered_by) over all
 *     matches; empty when the request asked for none
 * @param correctedQuery the spelling-corrected query that was run instead of the typed one, or null
 * @param relaxation how the query was loosened because it found nothing as typed
 * @param ranking how the hits were ranked: by words only, or by words and meaning fused
 * @param suggestedQuery a spelling the search offers ("did you mean") without having searched it,
 *     or null
 * @param quality {@link MatchQuality#CLOSE} when some answer of the result closely matches the
 *     query, {@link MatchQuality#LOOSE} when none does
 */
public record SearchResult(
    SearchRequest request,
    long total,
    boolean totalExact,
    long tookMs,
    List<SearchHit> hits,
    Map<String, List<FacetCount>> facets,
    String correctedQuery,
    Relaxation relaxation,
    RankingMode ranking,
    String suggestedQuery,
    MatchQuality quality) {

  /** How a query that found nothing was loosened. */
  public enum Relaxation {
    /** Ran as typed. */
    NONE,
    /** Matched most of the words. */
    MOST_WORDS,
    /** Matched any of the words. */
    ANY_WORD
  }

  /** A result ranked by words only, without a suggestion, whose answers match closely. */
  public SearchResult(
      SearchRequest request,
      long total,
      boolean totalExact,
      long tookMs,
      List<SearchHit> hits,
      Map<String, List<FacetCount>> facets,
      String correctedQuery,
      Relaxation relaxation) {
    this(
        request,
        total,
        totalExact,
        tookMs,
        hits,
        facets,
        correctedQuery,
        relaxation,
        RankingMode.LEXICAL,
        null,
        MatchQuality.CLOSE);
  }

  /** A result with an exact total. */
  public SearchResult(
      SearchRequest request,
      long total,
      long tookMs,
      List<SearchHit> hits,
      Map<String, List<FacetCount>> facets,
      String correctedQuery,
      Relaxation relaxation) {
    this(request, total, true, tookMs, hits, facets, correctedQuery, relaxation);
  }

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets == null ? Map.of() : facets);
    relaxation = relaxation == null ? Relaxation.NONE : relaxation;
    quality = quality == null ? MatchQuality.CLOSE : quality;
    ranking = ranking == null ? RankingMode.LEXICAL : ranking;
  }
}

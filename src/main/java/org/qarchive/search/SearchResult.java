package org.qarchive.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param request what was asked
 * @param total total number of matching entries
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param hits this page's hits, best first
 * @param facets counts per value of each facet field (category, tag, year, answered_by) over all matches
 * @param correctedQuery the spelling-corrected query that was run instead of the typed one, or null
 * @param relaxation how the query was loosened because it found nothing as typed
 */
public record SearchResult(
    SearchRequest request,
    long total,
    long tookMs,
    List<SearchHit> hits,
    Map<String, List<FacetCount>> facets,
    String correctedQuery,
    Relaxation relaxation) {

  /** How a query that found nothing was loosened. */
  public enum Relaxation {
    /** Ran as typed. */
    NONE,
    /** Matched most of the words. */
    MOST_WORDS,
    /** Matched any of the words. */
    ANY_WORD
  }

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets == null ? Map.of() : facets);
    relaxation = relaxation == null ? Relaxation.NONE : relaxation;
  }
}

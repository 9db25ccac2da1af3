package org.qarchive.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param request what was asked
 * @param total total number of matching entries
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param hits this page's hits, best first
 */
public record SearchResult(SearchRequest request, long total, long tookMs, List<SearchHit> hits) {

  public SearchResult {
    hits = List.copyOf(hits);
  }
}

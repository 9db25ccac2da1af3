package org.qarchive.search;

import java.util.Objects;

/**
 * A validated search: what the user typed, which page, how many per page, the order and the facet
 * filters.
 *
 * @param query the text as typed; any text is valid up to {@link QueryPlanner#MAX_QUERY_CHARS}
 * @param page 1-based page number
 * @param size hits per page
 * @param sort relevance or date
 * @param filters facet filters
 * @param exact search the words exactly as typed: no spelling correction ("search instead for ...")
 * @param facets count the facet values of all matches; without them the total may be a lower bound
 *     ({@link SearchResult#totalExact()}), because ranking can then skip entries that cannot reach
 *     the page
 */
public record SearchRequest(
    String query, int page, int size, Sort sort, Filters filters, boolean exact, boolean facets) {

  /** Largest page size a caller may ask for. */
  public static final int MAX_SIZE = 50;

  /** Deepest page a caller may ask for: nobody reads past it, and deep pages cost memory. */
  public static final int MAX_PAGE = 100;

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    DATE
  }

  public SearchRequest {
    query = Objects.requireNonNullElse(query, "");
    Objects.requireNonNull(sort, "sort");
    filters = Objects.requireNonNullElse(filters, Filters.NONE);
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page must be between 1 and " + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  /** With facet counts. */
  public SearchRequest(
      String query, int page, int size, Sort sort, Filters filters, boolean exact) {
    this(query, page, size, sort, filters, exact, true);
  }

  /** With spelling correction and facet counts. */
  public SearchRequest(String query, int page, int size, Sort sort, Filters filters) {
    this(query, page, size, sort, filters, false);
  }

  /** Without filters. */
  public SearchRequest(String query, int page, int size, Sort sort) {
    this(query, page, size, sort, Filters.NONE);
  }

  /** The first page of ten hits by relevance. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 1, 10, Sort.RELEVANCE, Filters.NONE);
  }

  /** The same request searching the words exactly as typed. */
  public SearchRequest asTyped() {
    return new SearchRequest(query, page, size, sort, filters, true, facets);
  }

  /** The same request without facet counts: for as-you-type searches and callers that show none. */
  public SearchRequest withoutFacets() {
    return new SearchRequest(query, page, size, sort, filters, exact, false);
  }
}

package org.qarchive.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Filters;
import org.qarchive.search.SearchRequest;

/**
 * The search a URL asks for ({@code ?q=...&page=2&sort=date&category=Botox&exact=1}), validated,
 * and the links that change one part of it (next page, another sort, a facet value on or off).
 *
 * @param q what was typed
 * @param page 1-based page
 * @param size hits per page
 * @param sort result order
 * @param filters facet values by parameter name (category, tag, year, answered_by), each list in
 *     URL order
 * @param exact whether the user asked to search for exactly what they typed, without spelling
 *     correction
 */
record SearchParams(
    String q,
    int page,
    int size,
    SearchRequest.Sort sort,
    Map<String, List<String>> filters,
    boolean exact) {

  /** The facet parameters, in display order; they are also the index's facet field names. */
  static final List<String> FACETS = ArchiveSearcher.FACET_FIELDS;

  SearchParams {
    q = Objects.requireNonNullElse(q, "");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (String f : FACETS) {
      copy.put(f, List.copyOf(filters.getOrDefault(f, List.of())));
    }
    filters = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Reads and validates the parameters; a bad one throws {@link BadParameterException} naming it.
   */
  static SearchParams from(Context ctx, int defaultSize) {
    String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
    int page = intParam(ctx, "page", 1, 1, SearchRequest.MAX_PAGE);
    int size = intParam(ctx, "size", defaultSize, 1, SearchRequest.MAX_SIZE);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String f : FACETS) {
      filters.put(f, ctx.queryParams(f));
    }
    // the search side checks the filter values, once (an InvalidQueryException naming the
    // parameter); the page keeps them as the search cleaned them
    Filters checked = toFilters(filters);
    filters = checked.byField();
    return new SearchParams(q, page, size, sortParam(ctx), filters, boolParam(ctx, "exact"));
  }

  /** The request for the search side. */
  SearchRequest toRequest() {
    return new SearchRequest(q, page, size, sort, toFilters(filters), exact);
  }

  private static Filters toFilters(Map<String, List<String>> byField) {
    return new Filters(
        byField.get("category"),
        byField.get("tag"),
        byField.get("year"),
        byField.get("answered_by"));
  }

  boolean hasFilters() {
    return filters.values().stream().anyMatch(v -> !v.isEmpty());
  }

  boolean isSelected(String facet, String value) {
    return filters.get(facet).contains(value);
  }

  SearchParams withPage(int p) {
    return new SearchParams(q, p, size, sort, filters, exact);
  }

  SearchParams withSort(SearchRequest.Sort s) {
    return new SearchParams(q, 1, size, s, filters, exact);
  }

  /** Searches {@code text} exactly as typed, keeping filters and order. */
  SearchParams withExactQuery(String text) {
    return new SearchParams(text, 1, size, sort, filters, true);
  }

  SearchParams withQuery(String text) {
    return new SearchParams(text, 1, size, sort, filters, false);
  }

  /** The same search with {@code value} of {@code facet} switched on or off; back to page 1. */
  SearchParams toggle(String facet, String value) {
    Map<String, List<String>> m = new LinkedHashMap<>(filters);
    List<String> values = new ArrayList<>(m.get(facet));
    if (!values.remove(value)) {
      values.add(value);
    }
    m.put(facet, values);
    return new SearchParams(q, 1, size, sort, m, exact);
  }

  /** The same search without any filter. */
  SearchParams withoutFilters() {
    return new SearchParams(q, 1, size, sort, Map.of(), exact);
  }

  /** A link to the search page for these parameters, defaults left out (not yet HTML-escaped). */
  String href(int defaultSize) {
    StringJoiner j = new StringJoiner("&", "/?", "");
    j.setEmptyValue("/");
    if (!q.isEmpty()) {
      j.add("q=" + Pages.urlPart(q));
    }
    filters.forEach((f, values) -> values.forEach(v -> j.add(f + "=" + Pages.urlPart(v))));
    if (sort == SearchRequest.Sort.DATE) {
      j.add("sort=date");
    }
    if (exact) {
      j.add("exact=1");
    }
    if (size != defaultSize) {
      j.add("size=" + size);
    }
    if (page > 1) {
      j.add("page=" + page);
    }
    return j.toString();
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new BadParameterException(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameterException(
          name, "must be a whole number between " + min + " and " + max);
    }
  }

  private static boolean boolParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank() || v.equals("0") || v.equals("false")) {
      return false;
    }
    if (v.equals("1") || v.equals("true")) {
      return true;
    }
    throw new BadParameterException(name, "must be 1 or 0");
  }

  private static SearchRequest.Sort sortParam(Context ctx) {
    String v = ctx.queryParam("sort");
    if (v == null || v.isBlank() || v.equals("relevance")) {
      return SearchRequest.Sort.RELEVANCE;
    }
    if (v.equals("date")) {
      return SearchRequest.Sort.DATE;
    }
    throw new BadParameterException("sort", "must be 'relevance' or 'date'");
  }
}

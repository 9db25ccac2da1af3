package org.qarchive.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qarchive.index.Fields;

/**
 * Facet filters a search is narrowed by. Values of one facet are alternatives (OR); different
 * facets all apply (AND).
 *
 * @param categories blog categories
 * @param tags blog tags
 * @param years publication years, e.g. "2013"
 * @param answeredBy who answered
 */
public record Filters(
    List<String> categories, List<String> tags, List<String> years, List<String> answeredBy) {

  /** Most values one facet may be filtered by. */
  public static final int MAX_VALUES = 20;

  /** Longest value, in characters: longer than any category, tag or name. */
  public static final int MAX_VALUE_CHARS = 200;

  /** No filter. */
  public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of());

  public Filters {
    categories = check(Fields.CATEGORY, categories);
    tags = check(Fields.TAG, tags);
    years = check(Fields.YEAR, years);
    answeredBy = check(Fields.ANSWERED_BY, answeredBy);
  }

  /**
   * The values stripped, blank ones and repeats left out, each checked; the message names the
   * filter by its field name, which is also the web parameter's.
   */
  private static List<String> check(String name, List<String> values) {
    List<String> v =
        Objects.requireNonNullElse(values, List.<String>of()).stream()
            .map(s -> Objects.requireNonNull(s, name).strip())
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (v.size() > MAX_VALUES) {
      throw new InvalidQueryException(
          "parameter '" + name + "' may be given at most " + MAX_VALUES + " times");
    }
    for (String s : v) {
      if (s.length() > MAX_VALUE_CHARS) {
        throw new InvalidQueryException(
            "parameter '" + name + "' is longer than " + MAX_VALUE_CHARS + " characters");
      }
      if (name.equals(Fields.YEAR) && !s.matches("\\d{4}")) {
        throw new InvalidQueryException("parameter '" + name + "' must be a four-digit year");
      }
    }
    return v;
  }

  /** True when nothing is filtered. */
  public boolean isEmpty() {
    return categories.isEmpty() && tags.isEmpty() && years.isEmpty() && answeredBy.isEmpty();
  }

  /** The filters by index field name, in display order. */
  public Map<String, List<String>> byField() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(Fields.CATEGORY, categories);
    m.put(Fields.TAG, tags);
    m.put(Fields.YEAR, years);
    m.put(Fields.ANSWERED_BY, answeredBy);
    return m;
  }
}

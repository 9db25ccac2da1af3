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

  /** No filter. */
  public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of());

  public Filters {
    categories = check("category", categories);
    tags = check("tag", tags);
    years = check("year", years);
    answeredBy = check("answered_by", answeredBy);
    for (String y : years) {
      if (!y.matches("\\d{4}")) {
        throw new InvalidQueryException("The year filter must be a four-digit year.");
      }
    }
  }

  private static List<String> check(String name, List<String> values) {
    List<String> v = List.copyOf(Objects.requireNonNullElse(values, List.of()));
    if (v.size() > MAX_VALUES) {
      throw new InvalidQueryException(
          "At most " + MAX_VALUES + " values for the " + name + " filter.");
    }
    return v.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
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

package org.qarchive.site;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blog's bookkeeping tags and categories ("q&a", "reader mailbag", "Uncategorized") that mean
 * nothing to a patient: hidden from the facets, the browse links and an entry's list of terms. Read
 * from {@code facet-stoplist.txt} ({@link #parse}): one value a line, case ignored, {@code #}
 * comments. Searching by a hidden value still works; it is only not offered.
 */
public final class FacetStopList {

  private static final int MAX_VALUES = 5_000;
  private static final int MAX_LINE = 200;

  private final Set<String> hidden;

  private FacetStopList(Set<String> hidden) {
    this.hidden = Set.copyOf(hidden);
  }

  /** Hides nothing. */
  public static FacetStopList none() {
    return new FacetStopList(Set.of());
  }

  /** Whether {@code value} (a tag or category) is hidden. */
  public boolean hides(String value) {
    return value != null && hidden.contains(key(value));
  }

  /** {@code values} without the hidden ones, in their order. */
  public List<String> visible(List<String> values) {
    return hidden.isEmpty() ? values : values.stream().filter(v -> !hides(v)).toList();
  }

  /** How many values are hidden. */
  public int size() {
    return hidden.size();
  }

  private static String key(String value) {
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the stop-list file.
   *
   * @throws ConfigException naming the line and what is wrong with it
   */
  public static FacetStopList parse(String text) throws ConfigException {
    Set<String> out = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.length() > MAX_LINE) {
        throw new ConfigException(
            "line " + (i + 1) + ": a value is at most " + MAX_LINE + " characters");
      }
      if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        throw new ConfigException("line " + (i + 1) + ": holds a control character");
      }
      out.add(key(line));
      if (out.size() > MAX_VALUES) {
        throw new ConfigException("line " + (i + 1) + ": more than " + MAX_VALUES + " values");
      }
    }
    return new FacetStopList(out);
  }
}

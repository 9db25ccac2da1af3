package org.qarchive.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Optional CSS selectors for a known theme, read from a small properties file; any selector left
 * out falls back to the general rules. Keys: {@code content}, {@code title}, {@code date}, {@code
 * categories}, {@code tags}, {@code remove}.
 *
 * @param content the post body
 * @param title the post title
 * @param date an element whose {@code datetime} attribute or text holds the post date
 * @param categories category links
 * @param tags tag links
 * @param remove elements to drop before extraction (ads, widgets the general rules miss)
 */
public record ThemeSelectors(
    String content, String title, String date, String categories, String tags, String remove) {

  /** No selectors: the general rules decide everything. */
  public static final ThemeSelectors NONE = new ThemeSelectors(null, null, null, null, null, null);

  public ThemeSelectors {
    content = blankToNull(content);
    title = blankToNull(title);
    date = blankToNull(date);
    categories = blankToNull(categories);
    tags = blankToNull(tags);
    remove = blankToNull(remove);
  }

  private static final Set<String> KEYS =
      Set.of("content", "title", "date", "categories", "tags", "remove");

  /**
   * Reads selectors from a UTF-8 properties file.
   *
   * @throws IllegalArgumentException naming the key, for an unknown key (a typo would otherwise be
   *     ignored silently) or a selector jsoup cannot parse (it would otherwise fail on every page)
   */
  public static ThemeSelectors load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    for (String key : p.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
      }
      String selector = p.getProperty(key);
      if (!selector.isBlank()) {
        try {
          QueryParser.parse(selector.strip());
        } catch (Selector.SelectorParseException e) {
          throw new IllegalArgumentException(
              "bad CSS selector for '" + key + "': " + e.getMessage(), e);
        }
      }
    }
    return new ThemeSelectors(
        p.getProperty("content"),
        p.getProperty("title"),
        p.getProperty("date"),
        p.getProperty("categories"),
        p.getProperty("tags"),
        p.getProperty("remove"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

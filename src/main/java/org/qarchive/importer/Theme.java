package org.qarchive.importer;

import java.util.Objects;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A theme's {@link ThemeSelectors}, parsed once for every page; a selector left out is null and the
 * general rules decide.
 */
final class Theme {

  static final Theme NONE = new Theme(ThemeSelectors.NONE);

  final ThemeSelectors selectors;
  final Evaluator content;
  final Evaluator title;
  final Evaluator date;
  final Evaluator categories;
  final Evaluator tags;
  final Evaluator remove;

  Theme(ThemeSelectors selectors) {
    this.selectors = Objects.requireNonNull(selectors, "selectors");
    this.content = parse(selectors.content());
    this.title = parse(selectors.title());
    this.date = parse(selectors.date());
    this.categories = parse(selectors.categories());
    this.tags = parse(selectors.tags());
    this.remove = parse(selectors.remove());
  }

  /** Whether any selector is set: they may point anywhere, so the page is then parsed whole. */
  boolean any() {
    return !selectors.equals(ThemeSelectors.NONE);
  }

  private static Evaluator parse(String query) {
    return query == null ? null : QueryParser.parse(query);
  }
}

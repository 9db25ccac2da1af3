package org.qarchive.importer;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How an import runs.
 *
 * @param importArticles also import pages without a Q&A (about, plain articles) as entries without
 *     a question
 * @param themeSelectors optional properties file with CSS selectors for a known theme (see {@link
 *     ThemeSelectors}), or null
 * @param progress where progress lines go, or null for none
 * @param threads parser threads, at least 1
 */
public record ImportOptions(
    boolean importArticles, Path themeSelectors, PrintStream progress, int threads) {

  public ImportOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** Q&As only, general rules, no progress output, one parser thread per core. */
  public static ImportOptions defaults() {
    return new ImportOptions(false, null, null, Runtime.getRuntime().availableProcessors());
  }

  public ImportOptions withProgress(PrintStream out) {
    return new ImportOptions(importArticles, themeSelectors, out, threads);
  }

  public ImportOptions withImportArticles(boolean on) {
    return new ImportOptions(on, themeSelectors, progress, threads);
  }
}

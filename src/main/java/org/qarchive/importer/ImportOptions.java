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
 * @param control where a caller watches and cancels the import (the browser's progress bar), or
 *     null
 */
public record ImportOptions(
    boolean importArticles,
    Path themeSelectors,
    PrintStream progress,
    int threads,
    ImportControl control) {

  public ImportOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** Without a control. */
  public ImportOptions(
      boolean importArticles, Path themeSelectors, PrintStream progress, int threads) {
    this(importArticles, themeSelectors, progress, threads, null);
  }

  /** Q&As only, general rules, no progress output, one parser thread per core. */
  public static ImportOptions defaults() {
    return new ImportOptions(false, null, null, Runtime.getRuntime().availableProcessors());
  }

  public ImportOptions withProgress(PrintStream out) {
    return new ImportOptions(importArticles, themeSelectors, out, threads, control);
  }

  public ImportOptions withImportArticles(boolean on) {
    return new ImportOptions(on, themeSelectors, progress, threads, control);
  }

  /** These options with a control that shows progress and can cancel. */
  public ImportOptions withControl(ImportControl c) {
    return new ImportOptions(importArticles, themeSelectors, progress, threads, c);
  }
}

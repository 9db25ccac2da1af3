package org.qarchive.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a benchmark run goes.
 *
 * @param mode "quick" or "full", recorded in the report
 * @param pagesDir archived pages to import, or null to generate {@code pagesToGenerate} with
 *     make-archive
 * @param pagesToGenerate pages make-archive writes when {@code pagesDir} is null; 0 skips the
 *     import section
 * @param queriesFile queries to replay, or null for the built-in set
 * @param medquad MedQuAD JSON Lines that the corpus generator grows
 * @param makeArchive the make-archive script
 * @param workDir where cached indexes, generated pages and logs go
 * @param sizes index sizes (entries) to search; the first also serves HTTP, autocomplete and the
 *     child server
 * @param seconds measuring time of each timed phase; warm-ups take half of it
 * @param seed seed of generated pages and entries
 * @param startServer whether to launch the jar as a child process for start-up and memory
 * @param threads threads for importing and parsing
 */
public record BenchOptions(
    String mode,
    Path pagesDir,
    int pagesToGenerate,
    Path queriesFile,
    Path medquad,
    Path makeArchive,
    Path workDir,
    List<Integer> sizes,
    double seconds,
    long seed,
    boolean startServer,
    int threads) {

  public BenchOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(medquad, "medquad");
    Objects.requireNonNull(workDir, "workDir");
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("sizes must be positive and at least one: " + sizes);
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("seconds must be positive");
    }
    if (pagesToGenerate < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "pagesToGenerate must not be negative and threads must be positive");
    }
  }
}

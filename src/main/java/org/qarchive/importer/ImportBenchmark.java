package org.qarchive.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.qarchive.archive.EntrySink;

/** Measures import speed on a folder against its ceiling: jsoup parsing the same files on all cores. */
public final class ImportBenchmark {

  /**
   * The figures.
   *
   * @param files files under the folder
   * @param importPerSecond files per second through the whole importer (no-op sink)
   * @param jsoupPerSecond files per second for jsoup parsing alone, in parallel
   */
  public record Result(int files, double importPerSecond, double jsoupPerSecond) {
    public double share() {
      return importPerSecond / jsoupPerSecond;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d files: import %.0f files/s, jsoup-only ceiling %.0f files/s (%.0f%%)",
          files, importPerSecond, jsoupPerSecond, 100 * share());
    }
  }

  private ImportBenchmark() {}

  /** Runs both measurements once (after one warm-up pass each) and prints the result. */
  public static Result run(Path folder, int threads, PrintStream out) throws IOException, InterruptedException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    EntrySink discard = new EntrySink() {
      @Override
      public Outcome upsert(org.qarchive.archive.QaEntry e) {
        return Outcome.IMPORTED;
      }

      @Override
      public boolean delete(String id) {
        return true; // a newer copy with fewer Q&As than an older one: nothing was kept, nothing to remove
      }
    };
    ImportOptions options = new ImportOptions(false, null, null, threads);
    new Importer(options).run(List.of(folder), discard);
    long t0 = System.nanoTime();
    new Importer(options).run(List.of(folder), discard);
    double importSecs = (System.nanoTime() - t0) / 1e9;
    jsoupOnly(files, threads);
    long t1 = System.nanoTime();
    jsoupOnly(files, threads);
    double jsoupSecs = (System.nanoTime() - t1) / 1e9;
    Result r = new Result(files.size(), files.size() / importSecs, files.size() / jsoupSecs);
    if (out != null) {
      out.println(r);
    }
    return r;
  }

  private static void jsoupOnly(List<Path> files, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> fs = new java.util.ArrayList<>();
      for (Path f : files) {
        fs.add(pool.submit(() -> {
          byte[] b = Files.readAllBytes(f);
          return Jsoup.parse(new ByteArrayInputStream(b), null, "", Parser.htmlParser()).childNodeSize();
        }));
      }
      for (Future<Integer> f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // a file jsoup cannot read costs the ceiling nothing
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code ImportBenchmark FOLDER [THREADS]}. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    run(Path.of(args[0]), threads, System.out);
  }
}

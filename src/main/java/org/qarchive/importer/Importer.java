package org.qarchive.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.qarchive.archive.EntrySink;
import org.qarchive.importer.ArchiveInputs.Item;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.Row;

/**
 * Imports archived pages into a sink: walk the inputs, extract pages in parallel, and store each post's entries from
 * the calling thread (so the sink need not be thread-safe) as soon as they are extracted, the newest copy of a post
 * replacing older ones ({@link NewestCopies}); memory holds one small record per post, not the entries. It does not
 * commit; the caller commits after {@link #run}.
 */
public final class Importer {

  private final ImportOptions options;
  private final PageExtractor extractor;

  public Importer(ImportOptions options) throws IOException {
    this.options = Objects.requireNonNull(options, "options");
    ThemeSelectors selectors =
        options.themeSelectors() == null ? ThemeSelectors.NONE : ThemeSelectors.load(options.themeSelectors());
    this.extractor = new PageExtractor(options.importArticles(), selectors);
  }

  /**
   * Imports everything under the inputs into the sink.
   *
   * @throws IOException when the sink fails; bad input files never throw, they become failed rows
   */
  public ImportReport run(List<Path> inputs, EntrySink sink) throws IOException {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(sink, "sink");
    long start = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    NewestCopies store = new NewestCopies(sink, rows);
    ArchiveInputs walker = new ArchiveInputs(PageExtractor.MAX_PAGE_BYTES);
    ImportProgress progress =
        options.progress() == null ? null : new ImportProgress(options.progress(), ArchiveInputs.plan(inputs));
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "qarchive-extract");
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<Done> done = new ExecutorCompletionService<>(pool);
    Semaphore inFlight = new Semaphore(options.threads() * 4);
    int[] submitted = {0};
    try {
      walker.walk(inputs, item -> {
        int row = rows.size();
        rows.add(null);
        if (item instanceof Page p) {
          inFlight.acquireUninterruptibly();
          submitted[0]++;
          done.submit(() -> {
            try {
              return new Done(row, p, extractSafely(p));
            } finally {
              inFlight.release();
            }
          });
        } else {
          store.fold(new Done(row, item, null));
        }
        Future<Done> f;
        while ((f = done.poll()) != null) {
          submitted[0]--;
          store.fold(get(f));
        }
        if (progress != null) {
          progress.tick(rows.size(), walker.bytesRead());
        }
      });
      while (submitted[0] > 0) {
        submitted[0]--;
        store.fold(get(take(done)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the sink failed inside the walk callback
    } finally {
      pool.shutdownNow();
    }
    store.finish();
    if (progress != null) {
      progress.finish(rows.size());
    }
    int[] counts = store.counts;
    return new ImportReport(
        counts[0], counts[1], counts[2], store.masked, rows, Duration.ofNanos(System.nanoTime() - start));
  }

  record Done(int row, Item item, PageResult result) {}

  private PageResult extractSafely(Page p) {
    try {
      return extractor.extract(p.bytes(), p.name(), p.urlHint());
    } catch (StackOverflowError e) {
      return PageResult.broken("nested too deeply to parse");
    }
  }

  private static Done get(Future<Done> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } catch (ExecutionException e) {
      // an unexpected bug in extraction: propagate, as the conventions ask
      throw new IllegalStateException("extraction failed unexpectedly", e.getCause());
    }
  }

  private static Future<Done> take(ExecutorCompletionService<Done> done) {
    try {
      return done.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    }
  }
}

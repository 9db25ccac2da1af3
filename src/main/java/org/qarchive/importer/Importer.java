package org.qarchive.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.qarchive.archive.EntrySink;
import org.qarchive.importer.ArchiveInputs.FileStamp;
import org.qarchive.importer.ArchiveInputs.Item;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.Row;

/**
 * Imports archived pages into a sink: walk the inputs, extract pages in parallel, and store each
 * post's entries from the calling thread (so the sink need not be thread-safe) as soon as they are
 * extracted, the newest copy of a post replacing older ones ({@link NewestCopies}); memory holds
 * one small record per post, not the entries. It does not commit; the caller commits after {@link
 * #run}.
 */
public final class Importer {

  private final ImportOptions options;
  private final PageExtractor extractor;
  private ImportState lastState = ImportState.empty();
  private final java.util.concurrent.atomic.AtomicInteger extracted =
      new java.util.concurrent.atomic.AtomicInteger();

  public Importer(ImportOptions options) throws IOException {
    this.options = Objects.requireNonNull(options, "options");
    ThemeSelectors selectors =
        options.themeSelectors() == null
            ? ThemeSelectors.NONE
            : ThemeSelectors.load(options.themeSelectors());
    this.extractor = new PageExtractor(options.importArticles(), selectors);
  }

  /**
   * Imports everything under the inputs into the sink.
   *
   * @throws IOException when the sink fails; bad input files never throw, they become failed rows
   */
  public ImportReport run(List<Path> inputs, EntrySink sink) throws IOException {
    return run(inputs, sink, ImportState.empty());
  }

  /**
   * Imports everything under the inputs into the sink, skipping plain page files that the last
   * import's state shows unchanged (same path, size and modification time). Every copy of a post
   * whose copies changed, appeared or disappeared is read again, so the newest copy still wins.
   * Entries of files that disappeared stay in the index.
   *
   * @param previous what the last import saw ({@link ImportState#empty()} reads everything)
   * @throws IOException when the sink fails; bad input files never throw, they become failed rows
   * @throws ImportControl.CancelledException when the options' control was cancelled
   */
  public ImportReport run(List<Path> inputs, EntrySink sink, ImportState previous)
      throws IOException {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(sink, "sink");
    long start = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    NewestCopies store = new NewestCopies(sink, rows, previous);
    List<ArchiveInputs.Listed> listing = ArchiveInputs.list(inputs);
    Predicate<FileStamp> skip =
        previous.size() == 0 ? s -> false : skippable(listing, previous, store);
    ArchiveInputs walker = new ArchiveInputs(PageExtractor.MAX_PAGE_BYTES, skip);
    ArchiveInputs.Plan plan =
        options.progress() == null && options.control() == null
            ? null
            : ArchiveInputs.plan(listing);
    ImportProgress progress =
        options.progress() == null ? null : new ImportProgress(options.progress(), plan);
    ImportControl control = options.control();
    if (control != null) {
      control.planned(plan);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "qarchive-extract");
              t.setDaemon(true);
              return t;
            });
    ExecutorCompletionService<Done> done = new ExecutorCompletionService<>(pool);
    // pages read but not yet extracted, bounded by their size (a permit per KiB): a deep queue
    // keeps both cores
    // busy while this thread indexes (with 8 pages at most, the extractors often waited for it)
    Semaphore inFlight = new Semaphore(IN_FLIGHT_KIB);
    int[] submitted = {0};
    try {
      walker.walk(
          listing,
          item -> {
            int row = rows.size();
            rows.add(null);
            if (item instanceof Page p) {
              int permits = permits(p);
              inFlight.acquireUninterruptibly(permits);
              submitted[0]++;
              done.submit(
                  () -> {
                    try {
                      return new Done(row, p, extractSafely(p));
                    } finally {
                      inFlight.release(permits);
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
            if (control != null) {
              // files finished (walked, and extracted if pages); throws once cancelled
              control.progress(rows.size() - submitted[0], rows.size(), walker.bytesRead());
            }
          });
      while (submitted[0] > 0) {
        submitted[0]--;
        store.fold(get(take(done)));
        if (control != null) {
          control.progress(rows.size() - submitted[0], rows.size(), walker.bytesRead());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the sink failed inside the walk callback
    } finally {
      pool.shutdownNow();
    }
    if (control != null) {
      control.progress(rows.size(), rows.size(), walker.bytesRead());
      control.phase(ImportControl.Phase.COMMITTING);
    }
    store.finish();
    lastState = store.state();
    if (progress != null) {
      progress.finish(rows.size());
    }
    int[] counts = store.counts;
    return new ImportReport(
        counts[0],
        counts[1],
        counts[2],
        store.masked,
        rows,
        Duration.ofNanos(System.nanoTime() - start),
        store.skipped);
  }

  /**
   * Which files need not be read: those as the last import saw them, unless another copy of their
   * post changed, appeared under the same path or disappeared ("if in doubt, read the whole group
   * again"). The skipped files are seeded into the store before the walk, so that a newer copy
   * found later still replaces their entries.
   */
  private static Predicate<FileStamp> skippable(
      List<ArchiveInputs.Listed> listing, ImportState previous, NewestCopies store) {
    Map<String, FileStamp> present = ArchiveInputs.stamps(listing);
    Set<String> dirtyKeys = new HashSet<>();
    for (ImportState.FileRecord rec : previous.records()) {
      if (rec.key() != null && !rec.sameFile(present.get(rec.path()))) {
        dirtyKeys.add(rec.key());
      }
    }
    Set<String> skipped = new HashSet<>();
    for (ImportState.FileRecord rec : previous.records()) {
      if (rec.sameFile(present.get(rec.path()))
          && (rec.key() == null || !dirtyKeys.contains(rec.key()))) {
        skipped.add(rec.path());
        store.seed(rec);
      }
    }
    return s -> skipped.contains(s.path()) && previous.get(s.path()).sameFile(s);
  }

  /** What the last {@link #run} saw, for the caller to save once the index commit succeeded. */
  public ImportState lastState() {
    return lastState;
  }

  record Done(int row, Item item, PageResult result) {}

  /** How many KiB of page bytes may wait for extraction at once. */
  private static final int IN_FLIGHT_KIB = 32 * 1024;

  /**
   * A page's share of the in-flight budget: its size in KiB, at least 1, a page over the budget
   * taking all of it.
   */
  private static int permits(Page p) {
    return (int) Math.min(IN_FLIGHT_KIB, Math.max(1, p.bytes().length / 1024L));
  }

  /** Pages extracted (parsed) by this importer so far, over all runs. */
  int extracted() {
    return extracted.get();
  }

  private PageResult extractSafely(Page p) {
    extracted.incrementAndGet();
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

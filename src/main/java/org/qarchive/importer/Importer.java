package org.qarchive.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ArchiveInputs.Entries;
import org.qarchive.importer.ArchiveInputs.Failure;
import org.qarchive.importer.ArchiveInputs.Item;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.FileOutcome;
import org.qarchive.importer.ImportReport.Row;

/**
 * Imports archived pages into a sink: walk the inputs, extract pages in parallel, keep the newest copy of each post,
 * then store its entries from the calling thread (so the sink need not be thread-safe). It does not commit; the
 * caller commits after {@link #run}.
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

  /** One extracted file waiting for dedup: which row it is and when it was captured. */
  private record Candidate(int row, List<QaEntry> entries, Instant when, String name) {}

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
    Map<String, Candidate> newest = new HashMap<>();
    int[] masked = {0};
    Progress progress = new Progress(options.progress());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "qarchive-extract");
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<Done> done = new ExecutorCompletionService<>(pool);
    Semaphore inFlight = new Semaphore(options.threads() * 4);
    int[] submitted = {0};
    try {
      new ArchiveInputs(PageExtractor.MAX_PAGE_BYTES).walk(inputs, item -> {
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
          fold(new Done(row, item, null), rows, newest, masked);
        }
        Future<Done> f;
        while ((f = done.poll()) != null) {
          submitted[0]--;
          fold(get(f), rows, newest, masked);
        }
        progress.tick(rows.size());
      });
      while (submitted[0] > 0) {
        submitted[0]--;
        fold(get(take(done)), rows, newest, masked);
        progress.tick(rows.size());
      }
    } finally {
      pool.shutdownNow();
    }

    int[] counts = new int[3];
    List<Candidate> winners = new ArrayList<>(newest.values());
    winners.sort(Comparator.comparingInt(Candidate::row));
    for (Candidate c : winners) {
      for (QaEntry e : c.entries()) {
        EntrySink.Outcome o = sink.upsert(e);
        counts[o.ordinal()]++;
      }
    }
    progress.finish(rows.size());
    return new ImportReport(counts[0], counts[1], counts[2], masked[0], rows, Duration.ofNanos(System.nanoTime() - start));
  }

  private record Done(int row, Item item, PageResult result) {}

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

  private static void fold(Done d, List<Row> rows, Map<String, Candidate> newest, int[] masked) {
    Item item = d.item();
    if (item instanceof Failure f) {
      rows.set(d.row(), new Row(f.name(), FileOutcome.FAILED, 0, f.reason()));
      return;
    }
    if (item instanceof Entries e) {
      String reason = e.errors().isEmpty() ? null : e.errors().size() + " bad lines, first: " + e.errors().get(0);
      rows.set(d.row(), new Row(e.name(), FileOutcome.IMPORTED, e.entries().size(), reason));
      for (QaEntry entry : e.entries()) {
        offer(newest, rows, "id:" + entry.id(), new Candidate(d.row(), List.of(entry), e.modified(), e.name()));
      }
      return;
    }
    Page p = (Page) item;
    PageResult r = d.result();
    masked[0] += r.maskedPii();
    FileOutcome outcome =
        switch (r.kind()) {
          case POST -> FileOutcome.IMPORTED;
          case LISTING -> FileOutcome.LISTING;
          case FEED -> FileOutcome.FEED;
          case SEARCH -> FileOutcome.SEARCH;
          case NOT_QA -> FileOutcome.NOT_QA;
          case BROKEN -> FileOutcome.FAILED;
        };
    rows.set(d.row(), new Row(p.name(), outcome, r.entries().size(), r.reason()));
    if (!r.entries().isEmpty()) {
      String key = r.canonicalUrl() == null ? "file:" + p.name() : CanonicalUrl.key(r.canonicalUrl());
      Instant when = r.captureTime() != null ? r.captureTime() : p.modified();
      offer(newest, rows, key, new Candidate(d.row(), r.entries(), when, p.name()));
    }
  }

  /** Keeps the newer copy; on a tie the copy saved under the cleaner name (no query, shorter) wins. */
  private static void offer(Map<String, Candidate> newest, List<Row> rows, String key, Candidate c) {
    Candidate old = newest.get(key);
    if (old == null) {
      newest.put(key, c);
      return;
    }
    Comparator<Candidate> order =
        Comparator.comparing((Candidate x) -> x.when() == null ? Instant.EPOCH : x.when())
            .thenComparing(x -> !x.name().contains("?"))
            .thenComparing(x -> -x.name().length());
    Candidate winner = order.compare(c, old) > 0 ? c : old;
    Candidate loser = winner == c ? old : c;
    newest.put(key, winner);
    Row lr = rows.get(loser.row());
    if (lr != null && lr.outcome() == FileOutcome.IMPORTED) {
      rows.set(loser.row(), new Row(lr.file(), FileOutcome.DUPLICATE, 0, "older copy of " + winner.name()));
    }
  }

  /** Progress for people: a live line on a terminal, plain periodic lines otherwise. */
  private static final class Progress {
    private final PrintStream out;
    private final boolean live = System.console() != null;
    private final long start = System.nanoTime();
    private long last = System.nanoTime();

    Progress(PrintStream out) {
      this.out = out;
    }

    void tick(int files) {
      if (out == null) {
        return;
      }
      long now = System.nanoTime();
      long every = live ? 200_000_000L : 5_000_000_000L;
      if (now - last < every) {
        return;
      }
      last = now;
      double secs = (now - start) / 1e9;
      String line = String.format(Locale.ROOT, "%d files, %.0f files/s, %.0f s", files, files / secs, secs);
      if (live) {
        out.print("\r" + line + "   ");
      } else {
        out.println(line);
      }
      out.flush();
    }

    void finish(int files) {
      if (out == null) {
        return;
      }
      double secs = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "%s%d files in %.1f s%n", live ? "\r" : "", files, secs);
    }
  }
}

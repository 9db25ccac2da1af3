package org.qarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.search.TaskExecutor;

/**
 * Lets one search of a large archive use every core: its searchers cut the index into equal slices
 * of documents (across and, where needed, within segments) that Lucene ranks in parallel, and facet
 * counting runs one field per task. A small archive stays one slice, because handing work to
 * another thread costs more than it saves there.
 *
 * <p>The calling thread always takes part (Lucene's {@link TaskExecutor} runs unstarted tasks
 * itself, and any task the pool refuses once closed), so when every core is busy with other
 * searches a search simply runs on its own thread, as it would without workers.
 */
public final class SearchWorkers implements AutoCloseable {

  /**
   * Fewest documents given a slice of their own: measured, not guessed (docs/benchmarks.md). Two
   * slices of 10,000 made a 20,000-entry search slower and the server's throughput lower, while at
   * 1,000,000 entries two slices nearly halve a search.
   */
  public static final int MIN_SLICE_DOCS = 100_000;

  private final int parallelism;
  private final int minSliceDocs;
  private final ExecutorService pool;
  private final TaskExecutor tasks;

  /** Workers for every available core, slicing from {@link #MIN_SLICE_DOCS} documents. */
  public static SearchWorkers forThisMachine() {
    return new SearchWorkers(Runtime.getRuntime().availableProcessors(), MIN_SLICE_DOCS);
  }

  /**
   * Workers letting one search run on up to {@code parallelism} threads (its own and {@code
   * parallelism - 1} workers), in slices of at least {@code minSliceDocs} documents.
   */
  public SearchWorkers(int parallelism, int minSliceDocs) {
    if (parallelism < 1 || minSliceDocs < 1) {
      throw new IllegalArgumentException("parallelism and minSliceDocs must be positive");
    }
    this.parallelism = parallelism;
    this.minSliceDocs = minSliceDocs;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        parallelism == 1
            ? null
            : Executors.newFixedThreadPool(
                parallelism - 1,
                r -> {
                  Thread t = new Thread(r, "search-worker-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
    this.tasks = new TaskExecutor(pool == null ? Runnable::run : pool);
  }

  /** A searcher over {@code reader} whose searches run in this object's slices and threads. */
  public IndexSearcher searcher(IndexReader reader) {
    return new Sliced(reader, this);
  }

  /** Runs {@code work} on the calling thread and the workers; returns the results in order. */
  public <T> List<T> invokeAll(List<Callable<T>> work) throws IOException {
    return tasks.invokeAll(work);
  }

  /**
   * Cuts {@code leaves} into at most {@code parallelism} slices of nearly equal document counts,
   * each at least {@code minSliceDocs} documents (so a small index is one slice). A segment is
   * split only where a slice fills, so no slice holds two parts of one segment.
   */
  static LeafSlice[] slices(List<LeafReaderContext> leaves, int parallelism, int minSliceDocs) {
    long total = 0;
    for (LeafReaderContext leaf : leaves) {
      total += leaf.reader().maxDoc();
    }
    long count = Math.max(1, Math.min(parallelism, total / minSliceDocs));
    if (leaves.isEmpty()) {
      return new LeafSlice[0];
    }
    long perSlice = (total + count - 1) / count;
    List<LeafSlice> out = new ArrayList<>();
    List<LeafReaderContextPartition> current = new ArrayList<>();
    long filled = 0;
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      if (maxDoc == 0 || count == 1) {
        current.add(LeafReaderContextPartition.createForEntireSegment(leaf));
        continue;
      }
      int from = 0;
      while (from < maxDoc) {
        int take = (int) Math.min(maxDoc - from, perSlice - filled);
        current.add(
            from == 0 && take == maxDoc
                ? LeafReaderContextPartition.createForEntireSegment(leaf)
                : LeafReaderContextPartition.createFromAndTo(leaf, from, from + take));
        from += take;
        filled += take;
        if (filled >= perSlice) {
          out.add(new LeafSlice(current));
          current = new ArrayList<>();
          filled = 0;
        }
      }
    }
    if (!current.isEmpty()) {
      out.add(new LeafSlice(current));
    }
    return out.toArray(LeafSlice[]::new);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** An IndexSearcher searching in the workers' slices; subclasses add per-reader caches. */
  static class Sliced extends IndexSearcher {
    private final SearchWorkers workers;

    Sliced(IndexReader reader, SearchWorkers workers) {
      super(reader, workers.pool);
      this.workers = workers;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      return SearchWorkers.slices(leaves, workers.parallelism, workers.minSliceDocs);
    }

    /** The workers this searcher runs on, for work beyond ranking (facet counting). */
    SearchWorkers workers() {
      return workers;
    }
  }
}

package org.qarchive.web.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.qarchive.importer.ImportControl;
import org.qarchive.importer.ImportHistory;
import org.qarchive.importer.ImportReport;
import org.qarchive.index.ArchiveWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the admin writes into the index, one thing at a time on one thread: background imports
 * (one at a time per index, watched and cancelled through their {@link ImportControl}) and the
 * commits that bring staff's corrections into the index. An import from the command line holds the
 * index's write lock, so the admin refuses to start another and retries a correction's commit until
 * the lock is free; a running import's own commit applies every correction saved before it ends.
 */
public final class IndexWork implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IndexWork.class);

  /** How often a correction's commit is tried again while another process holds the index. */
  static final long RETRY_SECONDS = 5;

  /** Runs one import into the index and records it in the history (the command line's flow). */
  @FunctionalInterface
  public interface ImportRunner {
    /**
     * Imports {@code inputs}, recorded in {@code history} as run {@code runId} of {@code source} by
     * {@code by}.
     */
    ImportReport run(
        List<Path> inputs,
        ImportControl control,
        ImportHistory history,
        String runId,
        String source,
        String by)
        throws IOException;
  }

  /** What to do after the index changed: refresh the public searcher. */
  @FunctionalInterface
  public interface AfterChange {
    void changed() throws IOException;
  }

  /** Notified when a background import ends. */
  @FunctionalInterface
  interface Ended {
    void ended(Job job, Throwable failure);
  }

  /**
   * One background import.
   *
   * @param id the history's run id
   * @param source what is imported, for people
   * @param by who started it
   * @param control its progress and cancel
   * @param started when it started
   */
  record Job(String id, String source, String by, ImportControl control, Instant started) {}

  /** Why an import cannot start now. */
  static final class Busy extends Exception {
    /** The running import of this server, or null when another process holds the index. */
    final transient Job running;

    Busy(Job running) {
      super(
          running == null
              ? "another import (from the command line) is writing to the index"
              : "an import is running",
          null,
          false,
          false);
      this.running = running;
    }
  }

  private final Path indexDir;
  private final ImportHistory history;
  private final ImportRunner runner;
  private final AfterChange afterChange;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "admin-index-work");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "admin-index-retry");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean retryPending = new AtomicBoolean();
  private volatile Job current;

  IndexWork(Path indexDir, ImportHistory history, ImportRunner runner, AfterChange afterChange) {
    this.indexDir = Objects.requireNonNull(indexDir, "indexDir");
    this.history = Objects.requireNonNull(history, "history");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.afterChange = Objects.requireNonNull(afterChange, "afterChange");
  }

  /** The import running now, if any. */
  Optional<Job> current() {
    return Optional.ofNullable(current);
  }

  /**
   * Whether an import may start now: none of ours runs, and no other process holds the index.
   *
   * @throws Busy otherwise
   */
  void checkFree() throws Busy {
    Job j = current;
    if (j != null) {
      throw new Busy(j);
    }
    boolean lockedElsewhere;
    try {
      // on the worker, so the probe's brief lock can never collide with our own writer
      lockedElsewhere = worker.submit(this::lockedElsewhere).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(null);
    } catch (ExecutionException | TimeoutException e) {
      Job now = current;
      throw new Busy(now);
    }
    if (lockedElsewhere) {
      throw new Busy(current);
    }
  }

  private boolean lockedElsewhere() throws IOException {
    if (!java.nio.file.Files.isDirectory(indexDir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(indexDir);
        Lock l = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      l.ensureValid();
      return false;
    } catch (LockObtainFailedException e) {
      return true;
    }
  }

  /**
   * Starts importing {@code input} in the background as run {@code runId}.
   *
   * @throws Busy when an import of this server is running
   */
  synchronized Job start(String runId, Path input, String source, String by, Ended ended)
      throws Busy {
    if (current != null) {
      throw new Busy(current);
    }
    Job job = new Job(runId, source, by, new ImportControl(), Instant.now());
    current = job;
    worker.submit(
        () -> {
          Throwable failure = null;
          try {
            runner.run(List.of(input), job.control(), history, runId, source, by);
          } catch (ImportControl.CancelledException e) {
            failure = e;
          } catch (IOException | RuntimeException e) {
            LOG.warn("import {} of {} failed", runId, source, e);
            failure = e;
          } finally {
            job.control().phase(ImportControl.Phase.FINISHED);
            refreshQuietly();
            try {
              ended.ended(job, failure);
            } catch (RuntimeException e) {
              LOG.warn("after import {}", runId, e);
            }
            synchronized (this) {
              current = null; // last: until now, its page shows it running
            }
          }
        });
    return job;
  }

  /** What became of a request to bring the corrections into the index. */
  enum Applied {
    /** They are in the index and searched now. */
    NOW,
    /** An import of ours runs; its commit applies them, or the commit queued after it. */
    AFTER_IMPORT,
    /** Another process holds the index; they are tried again every few seconds. */
    WHEN_FREE
  }

  /**
   * Commits staff's corrections into the index (after any running import), waiting a little for it.
   */
  Applied applyEdits() {
    Future<Boolean> f = worker.submit(this::commitEdits);
    try {
      return f.get(current == null ? 20 : 1, TimeUnit.SECONDS) ? Applied.NOW : Applied.WHEN_FREE;
    } catch (TimeoutException e) {
      return current != null ? Applied.AFTER_IMPORT : Applied.WHEN_FREE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Applied.WHEN_FREE;
    } catch (ExecutionException e) {
      LOG.warn("could not apply corrections to the index; trying again", e.getCause());
      scheduleRetry();
      return Applied.WHEN_FREE;
    }
  }

  /** On the worker: commits the corrections, or schedules a retry when the index is held. */
  private boolean commitEdits() throws IOException {
    try (ArchiveWriter w = new ArchiveWriter(indexDir)) {
      w.commitEdits();
    } catch (ArchiveWriter.IndexBusyException e) {
      scheduleRetry();
      return false;
    }
    refreshQuietly();
    return true;
  }

  private void scheduleRetry() {
    if (retryPending.compareAndSet(false, true)) {
      retries.schedule(
          () -> {
            retryPending.set(false);
            worker.submit(
                () -> {
                  try {
                    return commitEdits();
                  } catch (IOException | RuntimeException e) {
                    LOG.warn("could not apply corrections to the index; trying again", e);
                    scheduleRetry();
                    return false;
                  }
                });
          },
          RETRY_SECONDS,
          TimeUnit.SECONDS);
    }
  }

  private void refreshQuietly() {
    try {
      afterChange.changed();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not refresh the searcher after a change to the index", e);
    }
  }

  @Override
  public void close() {
    Job j = current;
    if (j != null) {
      j.control().cancel();
    }
    retries.shutdownNow();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
  }
}

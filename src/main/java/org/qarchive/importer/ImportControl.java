package org.qarchive.importer;

import java.time.Duration;

/**
 * A running import seen from outside, for a progress bar in the browser: how far it got, how fast
 * it goes, and a way to stop it. The importer writes the counters as it walks; any thread may read
 * a {@link #snapshot()} or {@link #cancel()} at any time. A cancelled import stops at its next file
 * and commits nothing: the index keeps its last commit.
 */
public final class ImportControl {

  /** What the import is doing. */
  public enum Phase {
    /** Waiting for the index, or listing the inputs. */
    STARTING,
    /** Reading and extracting files. */
    READING,
    /** Writing the last entries and committing the index. */
    COMMITTING,
    /** Finished, failed or cancelled. */
    FINISHED
  }

  /** Thrown out of {@link Importer#run} when the import was cancelled. */
  public static final class CancelledException extends RuntimeException {
    CancelledException() {
      super("the import was cancelled", null, false, false);
    }
  }

  private final long start = System.nanoTime();
  private volatile Phase phase = Phase.STARTING;
  private volatile long files;
  private volatile long walked;
  private volatile long bytesRead;
  private volatile ArchiveInputs.Plan plan = new ArchiveInputs.Plan(0, 0, false);
  private volatile boolean cancelled;
  private volatile long finishedNanos = -1;

  /** Asks the import to stop at its next file; it keeps the index as last committed. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean cancelled() {
    return cancelled;
  }

  /** Moves to the next phase; {@link Phase#FINISHED} stops the clock. */
  public void phase(Phase p) {
    phase = p;
    if (p == Phase.FINISHED && finishedNanos < 0) {
      finishedNanos = System.nanoTime();
    }
  }

  void planned(ArchiveInputs.Plan p) {
    plan = p;
    phase = Phase.READING;
  }

  /**
   * Records progress; throws when the import was cancelled, which stops the walk.
   *
   * @param filesDone files finished (read, and extracted if pages)
   * @param filesWalked files read so far, some still being extracted
   * @param bytes input bytes read
   * @throws CancelledException after {@link #cancel()}
   */
  void progress(long filesDone, long filesWalked, long bytes) {
    files = filesDone;
    walked = filesWalked;
    bytesRead = bytes;
    if (cancelled) {
      throw new CancelledException();
    }
  }

  /** The progress so far. */
  public Snapshot snapshot() {
    long end = finishedNanos >= 0 ? finishedNanos : System.nanoTime();
    ArchiveInputs.Plan p = plan;
    long done = files;
    long seen = Math.max(done, walked);
    return new Snapshot(
        phase,
        done,
        p.archives() ? -1 : p.files(),
        // of what was read, the part still being extracted is not done yet
        seen == 0 ? bytesRead : Math.round(bytesRead * (done / (double) seen)),
        p.bytes(),
        p.archives(),
        Duration.ofNanos(end - start),
        cancelled);
  }

  /**
   * Progress at one moment.
   *
   * @param files files (and archive members) handled so far
   * @param plannedFiles files the inputs hold, or -1 when they include archives, whose members are
   *     unknown until read
   * @param bytesRead input bytes consumed and extracted (bytes read, scaled by the share of read
   *     files whose extraction finished)
   * @param plannedBytes input bytes in all
   * @param archives whether progress is measured in bytes (archives) rather than files
   * @param elapsed time since the import started
   * @param cancelling whether a cancel was asked for
   */
  public record Snapshot(
      Phase phase,
      long files,
      long plannedFiles,
      long bytesRead,
      long plannedBytes,
      boolean archives,
      Duration elapsed,
      boolean cancelling) {

    /** How much is done, 0 to 1. */
    public double fraction() {
      if (phase == Phase.COMMITTING || phase == Phase.FINISHED) {
        return 1;
      }
      double f =
          archives
              ? (plannedBytes == 0 ? 0 : bytesRead / (double) plannedBytes)
              : (plannedFiles <= 0 ? 0 : files / (double) plannedFiles);
      return Math.min(1, Math.max(0, f));
    }

    /** Files handled per second so far. */
    public double filesPerSecond() {
      return files / Math.max(1e-3, elapsed.toNanos() / 1e9);
    }

    /** The estimated time left, or null when it cannot be told yet. */
    public Duration left() {
      double done = fraction();
      if (phase != Phase.READING || done < 0.005 || done >= 1) {
        return null;
      }
      double secs = elapsed.toNanos() / 1e9;
      return Duration.ofSeconds(Math.round(secs * (1 - done) / done));
    }
  }
}

package org.qarchive.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.qarchive.search.DailyLog;

/**
 * One line per request, tab-separated: when it ended, the method, the path without its query
 * string, the status and the milliseconds it took. Nothing else: the query string holds patients'
 * health questions, and an address or browser says who asked them. A new file every day, none kept
 * longer than the days the operator chose ({@link DailyLog}).
 */
public final class AccessLog implements AutoCloseable {

  private static final int MAX_PATH_CHARS = 300;

  private final DailyLog out;
  private final Clock clock;

  /** Opens (or creates) the log whose current file is {@code file}, keeping {@code keepDays}. */
  public AccessLog(Path file, int keepDays) throws IOException {
    this(file, keepDays, Clock.systemUTC());
  }

  AccessLog(Path file, int keepDays, Clock clock) throws IOException {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = new DailyLog(file, keepDays, clock);
  }

  /** Records one request. */
  void record(String method, String path, int status, double millis) throws IOException {
    out.append(line(clock.instant(), method, path, status, millis));
  }

  static String line(Instant when, String method, String path, int status, double millis) {
    return when
        + "\t"
        + clean(method)
        + "\t"
        + clean(path)
        + "\t"
        + status
        + "\t"
        + String.format(Locale.ROOT, "%.1f", millis);
  }

  /**
   * The path as one line of bounded length: a request cannot add lines or columns to the log, nor
   * smuggle a query in after a {@code ?} that reached the path decoded.
   */
  static String clean(String s) {
    String t = Objects.requireNonNullElse(s, "");
    int q = t.indexOf('?');
    if (q >= 0) {
      t = t.substring(0, q);
    }
    t = t.replaceAll("\\p{Cntrl}", "?");
    return t.length() > MAX_PATH_CHARS ? t.substring(0, MAX_PATH_CHARS) + "…" : t;
  }

  /** Starts a new day's file and deletes those past the days to keep, if due. */
  void maintain() throws IOException {
    out.maintain();
  }

  /** The current file. */
  public Path file() {
    return out.file();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

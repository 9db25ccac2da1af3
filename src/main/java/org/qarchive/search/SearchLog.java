package org.qarchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What patients searched for, for the clinic: the most frequent queries and those that found
 * nothing. Kept in local, append-only files ({@code time<TAB>total<TAB>query} per line), a new one
 * every day and none older than the days to keep ({@link DailyLog}, 90 days unless the operator
 * chooses otherwise), and scrubbed of personal data before anything is written: e-mail addresses,
 * phone numbers, and names after "Dr." or "my name is" never reach the disk.
 */
public final class SearchLog implements AutoCloseable {

  /** How often a query was searched, and how many entries it found the last time. */
  public record QueryCount(String query, long count, long lastTotal) {}

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{5,}\\d");
  private static final Pattern DR =
      Pattern.compile("\\b((?i:dr)\\.?)\\s+\\p{L}[\\p{L}'-]*(\\s+\\p{Lu}[\\p{L}'-]*)?");
  private static final Pattern DOCTOR =
      Pattern.compile("\\b((?i:doctor))\\s+\\p{Lu}[\\p{L}'-]*(\\s+\\p{Lu}[\\p{L}'-]*)?");
  private static final Pattern MY_NAME =
      Pattern.compile(
          "\\b((?i:my name is|my name's|i am called))\\s+\\p{L}[\\p{L}'-]*(\\s+\\p{Lu}[\\p{L}'-]*)?");
  private static final int MAX_QUERY_CHARS = 200;

  private final Path file;
  private final Clock clock;
  private final DailyLog out;
  private final Map<String, long[]> counts = new HashMap<>();

  /** Opens (or creates) the log in {@code file}, keeping 90 days, reading what it already holds. */
  public SearchLog(Path file) throws IOException {
    this(file, DailyLog.DEFAULT_KEEP_DAYS);
  }

  /** Opens (or creates) the log in {@code file}, keeping {@code keepDays} days. */
  public SearchLog(Path file, int keepDays) throws IOException {
    this(file, keepDays, Clock.systemUTC());
  }

  SearchLog(Path file, int keepDays, Clock clock) throws IOException {
    this(Objects.requireNonNull(file, "file"), clock, new DailyLog(file, keepDays, clock));
  }

  private SearchLog(Path file, Clock clock, DailyLog out) throws IOException {
    this.file = file;
    this.clock = clock;
    this.out = out;
    for (Path f : DailyLog.files(file)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        String[] p = line.split("\t", 3);
        if (p.length == 3 && p[1].matches("\\d+")) {
          count(p[2], Long.parseLong(p[1]));
        }
      }
    }
  }

  /**
   * Reads the log in {@code file} and its earlier days' files, without writing, rotating or
   * deleting anything (a server may be writing it): for reports.
   */
  public static SearchLog reader(Path file) throws IOException {
    return new SearchLog(Objects.requireNonNull(file, "file"), Clock.systemUTC(), null);
  }

  /**
   * Records one search and how many entries it found; blank queries (browsing) are not recorded.
   */
  public synchronized void record(String query, long total) throws IOException {
    String q = normalize(scrub(Objects.requireNonNullElse(query, "")));
    if (q.isEmpty()) {
      return;
    }
    if (out == null) {
      throw new IllegalStateException("this search log was opened for reading only");
    }
    count(q, total);
    out.append(clock.instant().toString() + "\t" + Math.max(0, total) + "\t" + q);
  }

  /** The {@code n} most searched queries, most frequent first (ties alphabetically). */
  public synchronized List<QueryCount> topQueries(int n) {
    return sorted(counts, n, false);
  }

  /** The {@code n} most searched queries that found nothing the last time they were searched. */
  public synchronized List<QueryCount> zeroResultQueries(int n) {
    return sorted(counts, n, true);
  }

  private static List<QueryCount> sorted(Map<String, long[]> counts, int n, boolean zeroOnly) {
    return counts.entrySet().stream()
        .filter(e -> !zeroOnly || e.getValue()[1] == 0)
        .map(e -> new QueryCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .sorted(
            Comparator.comparingLong(QueryCount::count).reversed().thenComparing(QueryCount::query))
        .limit(Math.max(0, n))
        .toList();
  }

  private void count(String q, long total) {
    long[] c = counts.computeIfAbsent(q, k -> new long[2]);
    c[0]++;
    c[1] = total;
  }

  /**
   * Removes personal data: e-mail addresses, phone numbers, and names after "Dr." or "my name is".
   */
  public static String scrub(String query) {
    String s = EMAIL.matcher(query).replaceAll("[email]");
    s = PHONE.matcher(s).replaceAll("[phone]");
    s = DR.matcher(s).replaceAll(m -> m.group(1) + " [name]");
    s = DOCTOR.matcher(s).replaceAll(m -> m.group(1) + " [name]");
    s = MY_NAME.matcher(s).replaceAll(m -> m.group(1) + " [name]");
    return s;
  }

  private static String normalize(String q) {
    String s = q.replaceAll("[\\p{Cntrl}\\s]+", " ").strip().toLowerCase(Locale.ROOT);
    return s.length() > MAX_QUERY_CHARS ? s.substring(0, MAX_QUERY_CHARS) : s;
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** Starts a new day's file and deletes those past the days to keep, if due. */
  public void maintain() throws IOException {
    if (out != null) {
      out.maintain();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}

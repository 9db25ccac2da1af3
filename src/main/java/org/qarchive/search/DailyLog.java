package org.qarchive.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An append-only log that starts a new file every day (UTC) and deletes the files older than a
 * number of days: today's lines go to {@code FILE} (say {@code logs/searches.tsv}); on the first
 * write of a new day, or when the log is opened on a later day, that file is renamed after the day
 * it holds ({@code logs/searches.2026-12-05.tsv}) and dated files older than the days to keep are
 * deleted. Logs of what patients do keep no longer than the clinic chose.
 */
public final class DailyLog implements AutoCloseable {

  /** Days kept unless the operator says otherwise. */
  public static final int DEFAULT_KEEP_DAYS = 90;

  private final Path file;
  private final int keepDays;
  private final Clock clock;
  private BufferedWriter out;
  private LocalDate day;

  /**
   * Opens (or creates) the log whose current file is {@code file}, keeping {@code keepDays} days
   * (today included).
   */
  public DailyLog(Path file, int keepDays, Clock clock) throws IOException {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    if (keepDays < 1) {
      throw new IllegalArgumentException("days to keep logs must be at least 1, not " + keepDays);
    }
    this.keepDays = keepDays;
    this.clock = Objects.requireNonNull(clock, "clock");
    Files.createDirectories(this.file.getParent());
    LocalDate today = today();
    LocalDate written =
        Files.exists(this.file)
            ? LocalDate.ofInstant(Files.getLastModifiedTime(this.file).toInstant(), ZoneOffset.UTC)
            : today;
    // the day the current file's lines were written; a clock set back counts as today
    this.day = written.isAfter(today) ? today : written;
    maintain();
  }

  /** Appends one line (a line break is added), starting a new file first if the day changed. */
  public synchronized void append(String line) throws IOException {
    maintain();
    if (out == null) {
      out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    out.write(line);
    out.write('\n');
    out.flush();
  }

  /**
   * Starts a new file if the day changed, and deletes the files past the days to keep; writing does
   * this too, a server also calls it now and then, so days without a line are not kept longer.
   */
  public synchronized void maintain() throws IOException {
    LocalDate today = today();
    if (day.isBefore(today)) {
      if (out != null) {
        out.close();
        out = null;
      }
      if (Files.exists(file)) {
        Path dated = dated(file, day);
        if (Files.exists(dated)) {
          // a file for that day is there already (the clock went back): keep both days' lines
          Files.write(dated, Files.readAllBytes(file), StandardOpenOption.APPEND);
          Files.delete(file);
        } else {
          Files.move(file, dated);
        }
      }
      day = today;
    }
    LocalDate oldestKept = today.minusDays(keepDays - 1L);
    for (Dated d : datedFiles(file)) {
      if (d.day().isBefore(oldestKept)) {
        Files.deleteIfExists(d.path());
      }
    }
  }

  /** The current file. */
  public Path file() {
    return file;
  }

  /** The log's files, oldest day first and the current file last; only those that exist. */
  public static List<Path> files(Path file) throws IOException {
    Path f = file.toAbsolutePath().normalize();
    List<Path> all = new ArrayList<>();
    for (Dated d : datedFiles(f)) {
      all.add(d.path());
    }
    if (Files.exists(f)) {
      all.add(f);
    }
    return all;
  }

  /** {@code searches.tsv} on 2026-12-05 is {@code searches.2026-12-05.tsv}. */
  static Path dated(Path file, LocalDate day) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String dated =
        dot > 0 ? name.substring(0, dot) + "." + day + name.substring(dot) : name + "." + day;
    return file.resolveSibling(dated);
  }

  private record Dated(Path path, LocalDate day) {}

  private static List<Dated> datedFiles(Path file) throws IOException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    Pattern p =
        Pattern.compile(Pattern.quote(stem + ".") + "(\\d{4}-\\d{2}-\\d{2})" + Pattern.quote(ext));
    List<Dated> found = new ArrayList<>();
    if (!Files.isDirectory(file.getParent())) {
      return found;
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (m.matches()) {
          try {
            found.add(new Dated(f, LocalDate.parse(m.group(1))));
          } catch (DateTimeParseException e) {
            // a name that only looks dated is not ours
          }
        }
      }
    }
    found.sort(Comparator.comparing(Dated::day));
    return found;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}

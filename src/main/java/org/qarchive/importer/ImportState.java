package org.qarchive.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qarchive.importer.ImportReport.FileOutcome;

/**
 * What the last import made of each plain page file, so that the next import can skip files whose
 * path, size and modification time did not change: kept as a tab-separated sidecar file in the
 * index folder, written after the index commit and valid only for the commit it names. Files inside
 * archives (zip, WARC) and JSON Lines exports are always read again.
 */
public final class ImportState {

  /** The sidecar's name inside the index folder. */
  public static final String FILE_NAME = "import-state.tsv";

  private static final String MAGIC = "# qarchive import state 1";

  /**
   * One file as the last import saw it.
   *
   * @param path absolute path
   * @param key the post's canonical key when the page held Q&As, or null
   * @param when the copy's capture (or modification) time, to rank copies of the same post
   * @param host the page's host, for the doctor names it spells out
   * @param ids the entries this file stored (empty unless it was the newest copy)
   */
  record FileRecord(
      String path,
      long size,
      long mtime,
      FileOutcome outcome,
      int entries,
      String reason,
      String name,
      String key,
      Instant when,
      String host,
      List<String> names,
      List<String> ids) {
    FileRecord {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(outcome, "outcome");
      names = List.copyOf(names);
      ids = List.copyOf(ids);
    }

    boolean sameFile(ArchiveInputs.FileStamp s) {
      return s != null && size == s.size() && mtime == s.mtime();
    }
  }

  private final String validFor;
  private final Map<String, FileRecord> files;

  ImportState(String validFor, Map<String, FileRecord> files) {
    this.validFor = Objects.requireNonNull(validFor, "validFor");
    this.files = files;
  }

  /** No knowledge: every file is read. */
  public static ImportState empty() {
    return new ImportState("", Map.of());
  }

  /**
   * Reads the sidecar; a missing, foreign or damaged file, or one written for another commit or
   * with other import options, gives the empty state, so that the import reads everything.
   *
   * @param validFor what the state must have been written for: the index commit and the import
   *     options
   */
  public static ImportState load(Path file, String validFor) throws IOException {
    Map<String, FileRecord> files = new HashMap<>();
    String text;
    try {
      // read whole and split into lines as BufferedReader.readLine would (\n, \r or \r\n), which
      // decoded the 5 MB
      // of 11k files' state a few characters at a time
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return empty();
    }
    Iterator<String> lines = text.lines().iterator();
    if (!lines.hasNext()
        || !MAGIC.equals(lines.next())
        || !lines.hasNext()
        || !("# " + validFor).equals(lines.next())) {
      return empty();
    }
    while (lines.hasNext()) {
      FileRecord rec = parse(lines.next());
      if (rec == null) {
        return empty();
      }
      files.put(rec.path(), rec);
    }
    return new ImportState(validFor, files);
  }

  /** Writes the sidecar atomically (a temporary file renamed over the old one). */
  public void save(Path file, String validFor) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    // built whole and written at once: 11k files make 5 MB, which a BufferedWriter encoded piece by
    // piece
    StringBuilder out = new StringBuilder(64 + files.size() * 512);
    out.append(MAGIC).append("\n# ").append(validFor).append('\n');
    for (FileRecord f : files.values()) {
      format(out, f);
      out.append('\n');
    }
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  int size() {
    return files.size();
  }

  FileRecord get(String path) {
    return files.get(path);
  }

  Iterable<FileRecord> records() {
    return files.values();
  }

  String validFor() {
    return validFor;
  }

  /** Appends the record's line, without its line break. */
  static void format(StringBuilder out, FileRecord f) {
    clean(out, f.path())
        .append('\t')
        .append(f.size())
        .append('\t')
        .append(f.mtime())
        .append('\t')
        .append(f.outcome().name())
        .append('\t')
        .append(f.entries())
        .append('\t');
    clean(out, f.reason()).append('\t');
    clean(out, f.name()).append('\t');
    clean(out, f.key()).append('\t');
    if (f.when() != null) {
      out.append(f.when());
    }
    out.append('\t');
    clean(out, f.host()).append('\t');
    join(out, f.names(), '|').append('\t');
    join(out, f.ids(), ' ');
  }

  private static StringBuilder join(StringBuilder out, List<String> parts, char separator) {
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      out.append(parts.get(i));
    }
    return out;
  }

  private static FileRecord parse(String line) {
    String[] c = line.split("\t", -1);
    if (c.length != 12) {
      return null;
    }
    try {
      return new FileRecord(
          c[0],
          Long.parseLong(c[1]),
          Long.parseLong(c[2]),
          FileOutcome.valueOf(c[3]),
          Integer.parseInt(c[4]),
          orNull(c[5]),
          c[6],
          orNull(c[7]),
          c[8].isEmpty() ? null : instant(c[8]),
          orNull(c[9]),
          c[10].isEmpty() ? List.of() : Arrays.asList(c[10].split("\\|")),
          c[11].isEmpty() ? List.of() : Arrays.asList(c[11].split(" ")));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads back what {@link Instant#toString} wrote: "2014-05-01T10:00:00Z", with or without a
   * fraction of a second, is read directly, as {@link Instant#parse} made a third of loading the
   * state; anything else goes through {@link Instant#parse}.
   */
  static Instant instant(String s) {
    int n = s.length();
    int fraction = n - 21; // digits between "ss." and "Z"
    boolean shape =
        n >= 20
            && s.charAt(4) == '-'
            && s.charAt(7) == '-'
            && s.charAt(10) == 'T'
            && s.charAt(13) == ':'
            && s.charAt(16) == ':'
            && s.charAt(n - 1) == 'Z'
            && (n == 20 || (s.charAt(19) == '.' && fraction >= 1 && fraction <= 9));
    if (shape) {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      int hour = digits(s, 11, 13);
      int minute = digits(s, 14, 16);
      int second = digits(s, 17, 19);
      int nanos = n == 20 ? 0 : digits(s, 20, n - 1);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= YearMonth.of(year, month).lengthOfMonth()
          && hour >= 0
          && hour <= 23
          && minute >= 0
          && minute <= 59
          && second >= 0
          && second <= 59
          && nanos >= 0) {
        for (int i = fraction; i > 0 && i < 9; i++) {
          nanos *= 10;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
      }
    }
    return Instant.parse(s);
  }

  /** The decimal number in s[from, to), or -1 when a character there is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * Appends s with the tabs and line breaks that would break the line made spaces; nothing for
   * null.
   */
  private static StringBuilder clean(StringBuilder out, String s) {
    if (s == null) {
      return out;
    }
    if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return out.append(s);
    }
    return out.append(s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }
}

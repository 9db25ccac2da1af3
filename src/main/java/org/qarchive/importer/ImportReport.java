package org.qarchive.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one import run did: entry counts, one row per file, and a summary table for people.
 *
 * @param imported entries that were new
 * @param updated entries whose content changed
 * @param unchanged entries already stored as they are
 * @param maskedPii e-mail addresses and phone numbers masked in questions
 * @param rows one row per file or archive member, in input order
 * @param elapsed wall-clock time of the run
 * @param skipped files not read again because they were as the last import saw them
 */
public record ImportReport(
    int imported,
    int updated,
    int unchanged,
    int maskedPii,
    List<Row> rows,
    Duration elapsed,
    int skipped) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What happened to one file. */
  public enum FileOutcome {
    /** Its entries were stored (new, updated or unchanged; see the entry counts). */
    IMPORTED,
    /**
     * Not read again: same size and modification time as at the last import, its entries kept as
     * they were.
     */
    UNCHANGED,
    /** Another copy of the same post won (newer capture). */
    DUPLICATE,
    /** A listing page; its posts come from their own pages. */
    LISTING,
    /** An RSS/Atom feed. */
    FEED,
    /** Search results. */
    SEARCH,
    /** A page without a Q&A. */
    NOT_QA,
    /** Broken, unreadable or unsafe; see the reason. */
    FAILED
  }

  /**
   * One file's row.
   *
   * @param file path or archive member name
   * @param outcome what happened
   * @param entries how many entries came from it
   * @param reason why it was skipped or failed, or null
   */
  public record Row(String file, FileOutcome outcome, int entries, String reason) {
    public Row {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(outcome, "outcome");
      if (entries < 0) {
        throw new IllegalArgumentException("entries must not be negative");
      }
    }
  }

  public ImportReport {
    if (imported < 0 || updated < 0 || unchanged < 0 || maskedPii < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    rows = List.copyOf(rows);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Files per outcome. */
  public Map<FileOutcome, Integer> fileCounts() {
    Map<FileOutcome, Integer> m = new EnumMap<>(FileOutcome.class);
    for (FileOutcome o : FileOutcome.values()) {
      m.put(o, 0);
    }
    rows.forEach(r -> m.merge(r.outcome(), 1, Integer::sum));
    return m;
  }

  /** Files left unread because they were as the last import saw them (whatever they held). */
  public int skipped() {
    return skipped;
  }

  public int duplicates() {
    return fileCounts().get(FileOutcome.DUPLICATE);
  }

  public int listings() {
    Map<FileOutcome, Integer> c = fileCounts();
    return c.get(FileOutcome.LISTING) + c.get(FileOutcome.FEED) + c.get(FileOutcome.SEARCH);
  }

  public int notQa() {
    return fileCounts().get(FileOutcome.NOT_QA);
  }

  public int failed() {
    return fileCounts().get(FileOutcome.FAILED);
  }

  /** The report's counts as a JSON object, without its rows (what a run's history keeps). */
  public ObjectNode countsJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("files", rows.size());
    o.put("imported", imported);
    o.put("updated", updated);
    o.put("unchanged", unchanged);
    o.put("files_not_reread", skipped);
    o.put("duplicates", duplicates());
    o.put("listing", listings());
    o.put("not_qa", notQa());
    o.put("failed", failed());
    o.put("masked_pii", maskedPii);
    o.put("elapsed_ms", elapsed.toMillis());
    return o;
  }

  /** The report as one JSON object with the counts and the rows. */
  public String toJson() {
    ObjectNode o = countsJson();
    ArrayNode arr = o.putArray("rows");
    for (Row r : rows) {
      ObjectNode x = arr.addObject();
      x.put("file", r.file());
      x.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
      x.put("entries", r.entries());
      x.put("reason", r.reason());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** A plain-text table of the counts, followed by every failed file and why. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    double secs = Math.max(0.001, elapsed.toMillis() / 1000.0);
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "files", rows.size()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "files not re-read", skipped()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "entries imported", imported));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "entries updated", updated));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "entries unchanged", unchanged));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "duplicate copies", duplicates()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "listing/feed/search", listings()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "not Q&A", notQa()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "failed", failed()));
    sb.append(String.format(Locale.ROOT, "%-22s %8d%n", "masked e-mails/phones", maskedPii));
    sb.append(
        String.format(
            Locale.ROOT, "%-22s %8.1f s (%.0f files/s)%n", "time", secs, rows.size() / secs));
    List<Row> failed = rows.stream().filter(r -> r.outcome() == FileOutcome.FAILED).toList();
    if (!failed.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nfailed files:%n"));
      for (Row r : failed) {
        sb.append(String.format(Locale.ROOT, "  %s: %s%n", r.file(), r.reason()));
      }
    }
    return sb.toString();
  }
}

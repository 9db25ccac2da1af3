package org.qarchive.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ArchiveInputs.Entries;
import org.qarchive.importer.ArchiveInputs.Failure;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.FileOutcome;
import org.qarchive.importer.ImportReport.Row;
import org.qarchive.importer.Importer.Done;

/**
 * Writes each post's entries to the sink as they are extracted, keeping only the newest copy of a
 * post: an older copy arriving after a newer one is skipped, a newer one is upserted over the older
 * (ids come from the canonical URL, so the upsert replaces). Memory holds a small record per post
 * (capture time, file name, ids and what the first write of each id did), never the entries
 * themselves, except the few whose answerer is known only by surname: those wait until the end,
 * when the whole blog's {@link DoctorNames} can complete the name.
 *
 * <p>Counts stay those of a batch import that wrote only the winners: an id first written as new
 * stays new however often a newer copy replaces it, and an id the older copy wrote but the newer
 * one lacks is deleted again.
 */
final class NewestCopies {

  /** Copies whose times are this close were saved by one crawl or one checkout. */
  private static final Duration SAME_CRAWL = Duration.ofDays(1);

  /**
   * Whether copy {@code c} of a post beats copy {@code old}. A copy of a variant address ({@code
   * ?replytocom=}, {@code /amp/}) whose only time is its file's never beats a capture (Wayback,
   * WARC): its file time says when it was saved or checked out, not when the post looked so. Else
   * the newer wins, unless the two were saved by the same crawl or checkout, when the copy of the
   * plain address does; then the newer, then the shorter name.
   */
  private static boolean beats(Slot c, Slot old) {
    boolean weak = c.variant && !c.captured;
    boolean oldWeak = old.variant && !old.captured;
    if (weak && old.captured) {
      return false;
    }
    if (oldWeak && c.captured) {
      return true;
    }
    Instant a = c.when == null ? Instant.EPOCH : c.when;
    Instant b = old.when == null ? Instant.EPOCH : old.when;
    if (Duration.between(a, b).abs().compareTo(SAME_CRAWL) > 0) {
      return a.isAfter(b);
    }
    if (c.variant != old.variant) {
      return !c.variant;
    }
    if (!a.equals(b)) {
      return a.isAfter(b);
    }
    return c.name.length() < old.name.length();
  }

  /**
   * What is known about one post: the winning copy, what this run wrote for it, and entries not yet
   * written.
   */
  private static final class Slot {
    final Instant when;
    final String name;

    /** Whether {@link #when} is a capture's time (Wayback, WARC), not a file's. */
    final boolean captured;

    /** Whether the copy's own address is a variant of the post's (a query, an AMP page). */
    final boolean variant;

    int row;

    /** Per Q&A position, the fields other copies of the post have, to fill the winner's gaps. */
    Fill[] fills = new Fill[0];

    /** The winner's entries, kept while they lack a field a copy read later may have. */
    List<QaEntry> held;

    /** Whether a copy read after the winner was written filled one of its gaps. */
    boolean filledLater;

    /** For a slot seeded from the last import: a newer copy won before its file was walked. */
    String lostTo;

    String[] writtenIds = new String[0];
    EntrySink.Outcome[] firstOutcomes = new EntrySink.Outcome[0];
    List<QaEntry> waiting;

    Slot(Instant when, String name, int row, boolean captured, String ownAddress) {
      this.when = when;
      this.name = name;
      this.row = row;
      this.captured = captured;
      this.variant = ownAddress.contains("?") || ownAddress.contains("/amp/");
    }
  }

  /**
   * What one Q&A's copies have, each with its copy's time, to fill the gaps of the winner from the
   * copies older than it. A copy saved by the same crawl or later is another view of the same post,
   * not an earlier state of it, so it fills nothing: the winner is what the post last showed. A
   * month-only date stays a month: another copy's day is not the winner's.
   */
  private static final class Fill {
    private final List<Held> copies = new ArrayList<>(2);

    /** One copy's fields. */
    private record Held(
        Instant when,
        String askerLocation,
        String answeredBy,
        String credentials,
        PostDate date,
        List<String> categories,
        List<String> tags) {}

    void absorb(Instant when, QaEntry e) {
      copies.add(
          new Held(
              when == null ? Instant.EPOCH : when,
              e.askerLocation(),
              e.answeredBy(),
              e.credentials(),
              e.date(),
              e.categories(),
              e.tags()));
    }

    /** The entry of a copy of this time with its gaps filled from older copies, newest first. */
    QaEntry fill(QaEntry e, Instant when) {
      Instant before = (when == null ? Instant.EPOCH : when).minus(SAME_CRAWL);
      List<Held> older =
          copies.stream()
              .filter(h -> h.when().isBefore(before))
              .sorted(Comparator.comparing(Held::when).reversed())
              .toList();
      if (older.isEmpty()) {
        return e;
      }
      return new QaEntry(
          e.id(),
          e.url(),
          e.title(),
          e.question(),
          e.askerLocation() != null ? e.askerLocation() : first(older, Held::askerLocation),
          e.answer(),
          e.answeredBy() != null ? e.answeredBy() : first(older, Held::answeredBy),
          e.credentials() != null ? e.credentials() : first(older, Held::credentials),
          e.date() != null ? e.date() : first(older, Held::date),
          e.categories().isEmpty() ? firstList(older, Held::categories) : e.categories(),
          e.tags().isEmpty() ? firstList(older, Held::tags) : e.tags(),
          e.sourceFile());
    }

    private static <T> T first(List<Held> copies, Function<Held, T> field) {
      for (Held h : copies) {
        T v = field.apply(h);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    private static List<String> firstList(List<Held> copies, Function<Held, List<String>> field) {
      for (Held h : copies) {
        if (!field.apply(h).isEmpty()) {
          return field.apply(h);
        }
      }
      return List.of();
    }
  }

  /** Whether an entry lacks a field another copy of its post may have. */
  private static boolean hasGaps(QaEntry e) {
    return e.askerLocation() == null
        || e.answeredBy() == null
        || e.date() == null
        || e.categories().isEmpty()
        || e.tags().isEmpty();
  }

  /**
   * How many characters of winners' entries may be kept for filling their gaps from copies read
   * later: an eighth of the heap (two bytes a character), so that memory stays bounded; beyond it a
   * gap is filled only from copies read before the winner.
   */
  private final long heldBudget = Runtime.getRuntime().maxMemory() / 16;

  private long heldChars;

  private final EntrySink sink;
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
  private static final Pattern WWW = Pattern.compile("^www\\.");
  private final List<Row> rows;
  private final Map<String, Slot> slots = new HashMap<>();
  private final DoctorNames names = new DoctorNames();

  /**
   * Files left unread whose pages named doctors: their names join {@link #names} only when a short
   * name needs them, which a re-import that reads no page never does.
   */
  private final List<ImportState.FileRecord> unreadNames = new ArrayList<>();

  /** What this run learned about each plain page file, for the next run's {@link ImportState}. */
  private final Map<Integer, ImportState.FileRecord> fileRecords = new HashMap<>();

  private final ImportState previous;
  private final int[] counts = new int[EntrySink.Outcome.values().length];
  private int masked;
  private int skipped;

  /**
   * What the store did, as a batch import that wrote only the newest copies would count it.
   *
   * @param imported entries new to the index
   * @param updated entries whose stored content changed
   * @param unchanged entries stored as they were
   * @param maskedPii e-mail addresses and phone numbers masked in the questions read
   * @param notReread plain page files left unread because they were as the last import saw them
   */
  record Tally(int imported, int updated, int unchanged, int maskedPii, int notReread) {}

  /** The counts so far; final after {@link #finish}. */
  Tally tally() {
    return new Tally(
        counts[EntrySink.Outcome.IMPORTED.ordinal()],
        counts[EntrySink.Outcome.UPDATED.ordinal()],
        counts[EntrySink.Outcome.UNCHANGED.ordinal()],
        masked,
        skipped);
  }

  NewestCopies(EntrySink sink, List<Row> rows) {
    this(sink, rows, ImportState.empty());
  }

  NewestCopies(EntrySink sink, List<Row> rows, ImportState previous) {
    this.sink = sink;
    this.rows = rows;
    this.previous = previous;
  }

  /**
   * Stands in for a file that will not be read: its post's entries stay as the last import stored
   * them, and a newer copy found in this run still replaces them. Call before the walk, for every
   * file that will be skipped.
   */
  void seed(ImportState.FileRecord rec) {
    if (rec.host() != null && !rec.names().isEmpty()) {
      unreadNames.add(rec);
    }
    if (rec.key() == null || rec.ids().isEmpty() || rec.outcome() != FileOutcome.IMPORTED) {
      return;
    }
    Slot s = new Slot(rec.when(), rec.name(), -1, capturedByName(rec.name()), rec.name());
    s.writtenIds = rec.ids().toArray(String[]::new);
    s.firstOutcomes = new EntrySink.Outcome[s.writtenIds.length];
    java.util.Arrays.fill(s.firstOutcomes, EntrySink.Outcome.UNCHANGED);
    counts[EntrySink.Outcome.UNCHANGED.ordinal()] += s.writtenIds.length;
    slots.put(rec.key(), s);
  }

  /** Records one walked item's row and stores its entries if it is the newest copy so far. */
  void fold(Done d) {
    switch (d.item()) {
      case Failure f -> rows.set(d.row(), new Row(f.name(), FileOutcome.FAILED, 0, f.reason()));
      case ArchiveInputs.Skipped s ->
          rows.set(d.row(), new Row(s.name(), FileOutcome.NOT_QA, 0, s.reason()));
      case Entries e -> {
        String reason =
            e.errors().isEmpty()
                ? null
                : e.errors().size() + " bad lines, first: " + e.errors().get(0);
        rows.set(d.row(), new Row(e.name(), FileOutcome.IMPORTED, e.entries().size(), reason));
        for (QaEntry entry : e.entries()) {
          offer(
              "id:" + entry.id(),
              new Slot(e.modified(), e.name(), d.row(), false, ""),
              List.of(entry));
        }
      }
      case Page p -> page(d, p);
      case ArchiveInputs.Unchanged u -> unchanged(d.row(), u);
    }
  }

  private void unchanged(int row, ArchiveInputs.Unchanged u) {
    skipped++;
    ImportState.FileRecord rec = previous.get(u.stamp().path());
    Row r;
    if (rec.outcome() == FileOutcome.IMPORTED && rec.key() != null) {
      Slot s = slots.get(rec.key());
      if (s != null && s.row < 0 && s.name.equals(rec.name())) {
        s.row = row;
      }
      r =
          s != null && s.row == row && s.lostTo == null
              ? new Row(u.name(), FileOutcome.UNCHANGED, rec.ids().size(), null)
              : new Row(
                  u.name(),
                  FileOutcome.DUPLICATE,
                  0,
                  "older copy of " + (s == null ? "?" : s.lostTo != null ? s.lostTo : s.name));
    } else {
      r = new Row(u.name(), rec.outcome(), rec.entries(), rec.reason());
    }
    rows.set(row, r);
    fileRecords.put(
        row,
        new ImportState.FileRecord(
            rec.path(),
            rec.size(),
            rec.mtime(),
            r.outcome() == FileOutcome.UNCHANGED ? FileOutcome.IMPORTED : r.outcome(),
            r.entries(),
            r.reason(),
            rec.name(),
            rec.key(),
            rec.when(),
            rec.host(),
            rec.names(),
            List.of()));
  }

  private void page(Done d, Page p) {
    PageResult r = d.result();
    masked += r.maskedPii();
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
    String host = r.canonicalUrl() == null ? null : host(r.canonicalUrl());
    if (host != null) {
      names.addAll(host, r.doctorNames());
    }
    String key = null;
    Instant when = null;
    if (!r.entries().isEmpty()) {
      key = r.canonicalUrl() == null ? "file:" + p.name() : CanonicalUrl.key(r.canonicalUrl());
      when = r.captureTime() != null ? r.captureTime() : p.modified();
      boolean captured = r.captureTime() != null || p.urlHint() != null;
      String own = p.urlHint() != null ? p.urlHint() : p.name();
      offer(key, new Slot(when, p.name(), d.row(), captured, own), r.entries());
    }
    if (p.stamp() != null) {
      fileRecords.put(
          d.row(),
          new ImportState.FileRecord(
              p.stamp().path(),
              p.stamp().size(),
              p.stamp().mtime(),
              outcome,
              r.entries().size(),
              r.reason(),
              p.name(),
              key,
              when,
              host,
              r.doctorNames(),
              List.of()));
    }
  }

  /**
   * What this run knows about the plain page files it walked, for the next run; call after {@link
   * #finish}. Rows give the final outcome (a copy may have lost to a newer one after it was read),
   * slots the ids each winner wrote.
   */
  ImportState state() {
    Map<Integer, String[]> idsByRow = new HashMap<>();
    for (Slot s : slots.values()) {
      if (s.row >= 0 && s.lostTo == null) {
        idsByRow.put(s.row, s.writtenIds);
      }
    }
    Map<String, ImportState.FileRecord> out = new HashMap<>();
    for (Map.Entry<Integer, ImportState.FileRecord> e : fileRecords.entrySet()) {
      ImportState.FileRecord f = e.getValue();
      Row r = rows.get(e.getKey());
      String[] ids = idsByRow.getOrDefault(e.getKey(), new String[0]);
      FileOutcome o = r.outcome() == FileOutcome.UNCHANGED ? FileOutcome.IMPORTED : r.outcome();
      out.put(
          f.path(),
          new ImportState.FileRecord(
              f.path(),
              f.size(),
              f.mtime(),
              o,
              r.entries(),
              r.reason(),
              f.name(),
              f.key(),
              f.when(),
              f.host(),
              f.names(),
              o == FileOutcome.IMPORTED ? List.of(ids) : List.of()));
    }
    return new ImportState("", out);
  }

  /** Whether a file's name says it is a capture: a Wayback path or a WARC member's address. */
  private static boolean capturedByName(String name) {
    return CanonicalUrl.waybackTimestamp(name.replace('\\', '/')).isPresent()
        || name.contains("!http");
  }

  private void offer(String key, Slot c, List<QaEntry> entries) {
    Slot old = slots.get(key);
    // a file seeded as unchanged that was read after all (it changed since the listing) replaces
    // its own record
    boolean self = old != null && old.row < 0 && old.name.equals(c.name);
    Fill[] fills = absorb(old == null ? new Fill[0] : old.fills, c.when, entries);
    if (old != null && !self && !beats(c, old)) {
      markDuplicate(c.row, old.name);
      old.fills = fills;
      if (old.held != null && fillsGap(old.held, old.when, fills)) {
        old.filledLater = true; // written again at the end, gaps filled
      }
      return;
    }
    c.fills = fills;
    entries = filled(entries, c.when, fills);
    if (old != null && old.held != null) {
      heldChars -= chars(old.held);
    }
    if (entries.stream().anyMatch(NewestCopies::hasGaps)) {
      long size = chars(entries);
      if (heldChars + size <= heldBudget) {
        c.held = entries;
        heldChars += size;
      }
    }
    if (old != null) {
      if (self) {
        // nothing to mark
      } else if (old.row < 0) {
        old.lostTo = c.name; // seeded from the last import, its file not walked yet
      } else {
        markDuplicate(old.row, c.name);
      }
      c.writtenIds = old.writtenIds;
      c.firstOutcomes = old.firstOutcomes;
    }
    slots.put(key, c);
    if (entries.stream().anyMatch(e -> DoctorNames.isShort(e.answeredBy()))) {
      c.waiting = entries;
    } else {
      write(c, entries);
    }
  }

  /** The fills with what a copy of this time has, position by position. */
  private static Fill[] absorb(Fill[] fills, Instant when, List<QaEntry> entries) {
    Fill[] out =
        fills.length >= entries.size() ? fills : java.util.Arrays.copyOf(fills, entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (out[i] == null) {
        out[i] = new Fill();
      }
      out[i].absorb(when, entries.get(i));
    }
    return out;
  }

  /** The entries of a copy of this time with their gaps filled from older copies. */
  private static List<QaEntry> filled(List<QaEntry> entries, Instant when, Fill[] fills) {
    List<QaEntry> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      out.add(
          i < fills.length && fills[i] != null
              ? fills[i].fill(entries.get(i), when)
              : entries.get(i));
    }
    return out;
  }

  /** Whether the fills now fill a gap of the held entries. */
  private static boolean fillsGap(List<QaEntry> held, Instant when, Fill[] fills) {
    List<QaEntry> now = filled(held, when, fills);
    for (int i = 0; i < held.size(); i++) {
      if (!now.get(i).equals(held.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static long chars(List<QaEntry> entries) {
    long n = 0;
    for (QaEntry e : entries) {
      n += e.question().length() + e.answer().length() + e.title().length() + 64;
    }
    return n;
  }

  /**
   * Writes the entries still waiting for the blog's full doctor names, and those whose gaps a copy
   * read after them filled; call once, after the walk.
   */
  void finish() throws IOException {
    if (slots.values().stream().anyMatch(s -> s.waiting != null)) {
      for (ImportState.FileRecord rec : unreadNames) {
        names.addAll(rec.host(), rec.names());
      }
    }
    try {
      for (Slot s : slots.values()) {
        if (s.waiting != null) {
          List<QaEntry> completed = new ArrayList<>();
          for (QaEntry e : filled(s.waiting, s.when, s.fills)) {
            completed.add(withAnswerer(e, names.complete(host(e.url()), e.answeredBy())));
          }
          write(s, completed);
        } else if (s.filledLater) {
          write(s, filled(s.held, s.when, s.fills));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void write(Slot s, List<QaEntry> entries) {
    s.waiting = null;
    String[] ids = new String[entries.size()];
    EntrySink.Outcome[] first = new EntrySink.Outcome[entries.size()];
    try {
      for (int i = 0; i < entries.size(); i++) {
        QaEntry e = entries.get(i);
        EntrySink.Outcome o = sink.upsert(e);
        ids[i] = e.id();
        int before = indexOf(s.writtenIds, e.id());
        if (before < 0) {
          first[i] = o;
          counts[o.ordinal()]++;
        } else {
          // relative to the index before this run: new stays new, changed stays changed
          EntrySink.Outcome f = s.firstOutcomes[before];
          first[i] = f == EntrySink.Outcome.UNCHANGED ? o : f;
          counts[f.ordinal()]--;
          counts[first[i].ordinal()]++;
        }
      }
      for (int j = 0; j < s.writtenIds.length; j++) {
        if (indexOf(ids, s.writtenIds[j]) < 0 && s.firstOutcomes[j] == EntrySink.Outcome.IMPORTED) {
          sink.delete(s.writtenIds[j]);
          counts[EntrySink.Outcome.IMPORTED.ordinal()]--;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s.writtenIds = ids;
    s.firstOutcomes = first;
  }

  private void markDuplicate(int row, String winner) {
    Row r = rows.get(row);
    if (r != null
        && (r.outcome() == FileOutcome.IMPORTED || r.outcome() == FileOutcome.UNCHANGED)) {
      rows.set(row, new Row(r.file(), FileOutcome.DUPLICATE, 0, "older copy of " + winner));
    }
  }

  private static int indexOf(String[] ids, String id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String host(String url) {
    String u = SCHEME.matcher(url).replaceFirst("");
    int slash = u.indexOf('/');
    return WWW.matcher((slash < 0 ? u : u.substring(0, slash)).toLowerCase(java.util.Locale.ROOT))
        .replaceFirst("");
  }

  private static QaEntry withAnswerer(QaEntry e, String answeredBy) {
    if (java.util.Objects.equals(answeredBy, e.answeredBy())) {
      return e;
    }
    return new QaEntry(
        e.id(),
        e.url(),
        e.title(),
        e.question(),
        e.askerLocation(),
        e.answer(),
        answeredBy,
        e.credentials(),
        e.date(),
        e.categories(),
        e.tags(),
        e.sourceFile());
  }
}

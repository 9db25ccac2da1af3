package org.qarchive.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.qarchive.archive.EntrySink;
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

  private static final Comparator<Slot> ORDER =
      Comparator.comparing((Slot x) -> x.when == null ? Instant.EPOCH : x.when)
          .thenComparing(x -> !x.name.contains("?"))
          .thenComparing(x -> -x.name.length());

  /**
   * What is known about one post: the winning copy, what this run wrote for it, and entries not yet
   * written.
   */
  private static final class Slot {
    final Instant when;
    final String name;
    int row;

    /** For a slot seeded from the last import: a newer copy won before its file was walked. */
    String lostTo;

    String[] writtenIds = new String[0];
    EntrySink.Outcome[] firstOutcomes = new EntrySink.Outcome[0];
    List<QaEntry> waiting;

    Slot(Instant when, String name, int row) {
      this.when = when;
      this.name = name;
      this.row = row;
    }
  }

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
  final int[] counts = new int[EntrySink.Outcome.values().length];
  int masked;
  int skipped;

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
    Slot s = new Slot(rec.when(), rec.name(), -1);
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
          offer("id:" + entry.id(), new Slot(e.modified(), e.name(), d.row()), List.of(entry));
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
      offer(key, new Slot(when, p.name(), d.row()), r.entries());
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

  private void offer(String key, Slot c, List<QaEntry> entries) {
    Slot old = slots.get(key);
    // a file seeded as unchanged that was read after all (it changed since the listing) replaces
    // its own record
    boolean self = old != null && old.row < 0 && old.name.equals(c.name);
    if (old != null && !self && ORDER.compare(c, old) <= 0) {
      markDuplicate(c.row, old.name);
      return;
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

  /**
   * Writes the entries still waiting for the blog's full doctor names; call once, after the walk.
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
          for (QaEntry e : s.waiting) {
            completed.add(withAnswerer(e, names.complete(host(e.url()), e.answeredBy())));
          }
          write(s, completed);
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

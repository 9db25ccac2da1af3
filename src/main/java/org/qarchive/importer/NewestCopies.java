package org.qarchive.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qarchive.archive.EntrySink;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ArchiveInputs.Entries;
import org.qarchive.importer.ArchiveInputs.Failure;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.FileOutcome;
import org.qarchive.importer.ImportReport.Row;
import org.qarchive.importer.Importer.Done;

/**
 * Writes each post's entries to the sink as they are extracted, keeping only the newest copy of a post: an older copy
 * arriving after a newer one is skipped, a newer one is upserted over the older (ids come from the canonical URL, so
 * the upsert replaces). Memory holds a small record per post (capture time, file name, ids and what the first write
 * of each id did), never the entries themselves, except the few whose answerer is known only by surname: those wait
 * until the end, when the whole blog's {@link DoctorNames} can complete the name.
 *
 * <p>Counts stay those of a batch import that wrote only the winners: an id first written as new stays new however
 * often a newer copy replaces it, and an id the older copy wrote but the newer one lacks is deleted again.
 */
final class NewestCopies {

  private static final Comparator<Slot> ORDER =
      Comparator.comparing((Slot x) -> x.when == null ? Instant.EPOCH : x.when)
          .thenComparing(x -> !x.name.contains("?"))
          .thenComparing(x -> -x.name.length());

  /** What is known about one post: the winning copy, what this run wrote for it, and entries not yet written. */
  private static final class Slot {
    final Instant when;
    final String name;
    final int row;
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
  private final List<Row> rows;
  private final Map<String, Slot> slots = new HashMap<>();
  private final DoctorNames names = new DoctorNames();
  final int[] counts = new int[EntrySink.Outcome.values().length];
  int masked;

  NewestCopies(EntrySink sink, List<Row> rows) {
    this.sink = sink;
    this.rows = rows;
  }

  /** Records one walked item's row and stores its entries if it is the newest copy so far. */
  void fold(Done d) {
    switch (d.item()) {
      case Failure f -> rows.set(d.row(), new Row(f.name(), FileOutcome.FAILED, 0, f.reason()));
      case Entries e -> {
        String reason = e.errors().isEmpty() ? null : e.errors().size() + " bad lines, first: " + e.errors().get(0);
        rows.set(d.row(), new Row(e.name(), FileOutcome.IMPORTED, e.entries().size(), reason));
        for (QaEntry entry : e.entries()) {
          offer("id:" + entry.id(), new Slot(e.modified(), e.name(), d.row()), List.of(entry));
        }
      }
      case Page p -> page(d, p);
    }
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
    if (r.canonicalUrl() != null) {
      names.addAll(host(r.canonicalUrl()), r.doctorNames());
    }
    if (!r.entries().isEmpty()) {
      String key = r.canonicalUrl() == null ? "file:" + p.name() : CanonicalUrl.key(r.canonicalUrl());
      Instant when = r.captureTime() != null ? r.captureTime() : p.modified();
      offer(key, new Slot(when, p.name(), d.row()), r.entries());
    }
  }

  private void offer(String key, Slot c, List<QaEntry> entries) {
    Slot old = slots.get(key);
    if (old != null && ORDER.compare(c, old) <= 0) {
      markDuplicate(c.row, old.name);
      return;
    }
    if (old != null) {
      markDuplicate(old.row, c.name);
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

  /** Writes the entries still waiting for the blog's full doctor names; call once, after the walk. */
  void finish() throws IOException {
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
    if (r != null && r.outcome() == FileOutcome.IMPORTED) {
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
    String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = u.indexOf('/');
    return (slash < 0 ? u : u.substring(0, slash)).toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
  }

  private static QaEntry withAnswerer(QaEntry e, String answeredBy) {
    if (java.util.Objects.equals(answeredBy, e.answeredBy())) {
      return e;
    }
    return new QaEntry(
        e.id(), e.url(), e.title(), e.question(), e.askerLocation(), e.answer(), answeredBy, e.credentials(), e.date(),
        e.categories(), e.tags(), e.sourceFile());
  }
}

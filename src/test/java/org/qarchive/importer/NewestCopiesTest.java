package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ArchiveInputs.Page;
import org.qarchive.importer.ImportReport.Row;
import org.qarchive.importer.Importer.Done;

class NewestCopiesTest {

  private static final String URL = "http://h.com/2015/10/lips/";

  private final MemorySink sink = new MemorySink();
  private final List<Row> rows = new ArrayList<>();
  private final NewestCopies store = new NewestCopies(sink, rows);

  private static QaEntry entry(PostDate date, List<String> tags, String source) {
    return new QaEntry(
        QaEntry.idFor(URL, 0),
        URL,
        "Lips",
        "Are fillers safe?",
        null,
        "Mostly.",
        "Dr. Jo Lee",
        null,
        date,
        List.of(),
        tags,
        source);
  }

  /** One copy of the post read from a file (or, with a capture time, a Wayback capture). */
  private void copy(String name, Instant fileTime, Instant capture, QaEntry e) {
    rows.add(null);
    Page page = new Page(name, new byte[0], fileTime, null);
    PageResult r = new PageResult(PageKind.POST, List.of(e), URL, capture, null, 0);
    store.fold(new Done(rows.size() - 1, page, r));
  }

  private QaEntry stored() throws Exception {
    store.finish();
    return sink.entries.get(QaEntry.idFor(URL, 0));
  }

  @Test
  void aReplyToCommentCopyWithOnlyItsFileTimeDoesNotBeatADatedCapture() throws Exception {
    PostDate day = PostDate.of(LocalDate.of(2015, 10, 15));
    copy(
        "web.archive.org/web/20151101000000/http:/h.com/2015/10/lips/index.html",
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2015-11-01T00:00:00Z"),
        entry(day, List.of("lips"), "wayback"));
    copy(
        "h.com/2015/10/lips/index.html?replytocom=12.html",
        Instant.parse("2024-06-01T00:00:00Z"),
        null,
        entry(PostDate.month(2015, 10), List.of("other"), "replytocom"));
    QaEntry e = stored();
    assertEquals("wayback", e.sourceFile());
    assertEquals(day, e.date());
    assertEquals("duplicate", rows.get(1).outcome().toString().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void aFieldTheNewestCopyLacksIsFilledFromAnOlderCopyReadBeforeOrAfterIt() throws Exception {
    for (boolean olderFirst : new boolean[] {true, false}) {
      MemorySink s = new MemorySink();
      List<Row> r = new ArrayList<>();
      NewestCopies copies = new NewestCopies(s, r);
      QaEntry older = entry(PostDate.of(LocalDate.of(2015, 10, 15)), List.of("lips"), "old");
      QaEntry newer = entry(PostDate.month(2015, 10), List.of(), "new");
      List<Object[]> order =
          new ArrayList<>(
              Arrays.asList(
                  new Object[] {"h.com/a/index.html", Instant.parse("2016-01-01T00:00:00Z"), older},
                  new Object[] {
                    "h.com/b/index.html", Instant.parse("2019-01-01T00:00:00Z"), newer
                  }));
      if (!olderFirst) {
        java.util.Collections.reverse(order);
      }
      for (Object[] c : order) {
        r.add(null);
        copies.fold(
            new Done(
                r.size() - 1,
                new Page((String) c[0], new byte[0], (Instant) c[1], null),
                new PageResult(PageKind.POST, List.of((QaEntry) c[2]), URL, null, null, 0)));
      }
      copies.finish();
      QaEntry e = s.entries.get(QaEntry.idFor(URL, 0));
      assertEquals("new", e.sourceFile(), "the newest copy wins");
      assertEquals(List.of("lips"), e.tags(), "older first: " + olderFirst);
      assertEquals(PostDate.month(2015, 10), e.date(), "a month-only date stays a month");
      assertEquals(1, copies.tally().imported(), "one entry, however often it was written");
    }
  }

  @Test
  void ofTwoCopiesSavedByOneCrawlThePlainAddressWins() throws Exception {
    copy(
        "h.com/2015/10/lips/index.html",
        Instant.parse("2026-12-05T15:51:42.511Z"),
        null,
        entry(PostDate.of(LocalDate.of(2015, 10, 15)), List.of(), "plain"));
    copy(
        "h.com/2015/10/lips/index.html?replytocom=4651.html",
        Instant.parse("2026-12-05T15:51:42.516Z"),
        null,
        entry(PostDate.month(2015, 10), List.of(), "replytocom"));
    QaEntry e = stored();
    assertEquals("plain", e.sourceFile());
    assertEquals(List.of(), e.tags(), "a copy of the same crawl is no older state of the post");
  }

  @Test
  void aCopySavedAfterTheWinnerFillsNothingEvenWhenItLost() throws Exception {
    copy(
        "h.com/2015/10/lips/index.html",
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2016-05-12T11:34:36Z"),
        entry(PostDate.of(LocalDate.of(2015, 10, 15)), List.of(), "capture"));
    copy(
        "h.com/2015/10/lips/index.html?replytocom=4651.html",
        Instant.parse("2026-12-05T15:51:42Z"),
        null,
        entry(PostDate.month(2015, 10), List.of("lips", "reader mailbag"), "replytocom"));
    QaEntry e = stored();
    assertEquals("capture", e.sourceFile());
    assertEquals(List.of(), e.tags(), "what the post showed when captured, not a later copy's");
  }

  @Test
  void aPostWithoutADateTakesAnOlderCopysDate() throws Exception {
    PostDate day = PostDate.of(LocalDate.of(2015, 10, 15));
    copy(
        "web.archive.org/web/20151101000000/http:/h.com/2015/10/lips/index.html",
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2015-11-01T00:00:00Z"),
        entry(day, List.of(), "wayback"));
    copy(
        "h.com/2015/10/lips/index.html",
        Instant.parse("2019-01-01T00:00:00Z"),
        null,
        entry(null, List.of(), "plain"));
    QaEntry e = stored();
    assertEquals("plain", e.sourceFile());
    assertEquals(day, e.date());
  }
}

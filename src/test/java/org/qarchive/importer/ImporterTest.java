package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.qarchive.SharedData;
import org.qarchive.archive.EntryJson;
import org.qarchive.importer.ImportReport.FileOutcome;

class ImporterTest {

  @TempDir Path tmp;

  private static String post(String q, String a) {
    return "<html><head><title>t</title></head><body class='single'><article class='post'><h1 class='entry-title'>T</h1>"
        + "<div class='entry-content'><p>Q: "
        + q
        + "</p><p>A: "
        + a
        + "</p></div></article></body></html>";
  }

  private static ImportReport run(MemorySink sink, Path... inputs) throws Exception {
    return new Importer(ImportOptions.defaults()).run(List.of(inputs), sink);
  }

  @Test
  void theNewerCopyOfAPostWinsAndTheOlderCountsAsDuplicate() throws Exception {
    Path a = tmp.resolve("h.com/2013/05/x/index.html");
    Path b = tmp.resolve("www.h.com/2013/05/x/index.html?replytocom=5.html");
    Files.createDirectories(a.getParent());
    Files.createDirectories(b.getParent());
    Files.writeString(a, post("Old?", "old"));
    Files.writeString(b, post("New?", "new"));
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2014-01-01T00:00:00Z")));
    Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2015-01-01T00:00:00Z")));
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, tmp);
    assertEquals(1, sink.entries.size());
    assertEquals("New?", sink.entries.values().iterator().next().question());
    assertEquals(1, r.imported());
    assertEquals(1, r.duplicates());
    ImportReport again = run(sink, tmp);
    assertEquals(1, again.unchanged(), "a second run changes nothing");
    assertTrue(again.toJson().contains("\"duplicates\" : 1"));
  }

  @Test
  void entriesReachTheSinkWhileTheWalkIsStillGoing() throws Exception {
    int pages = 300;
    Path last = null;
    for (int i = 0; i < pages; i++) {
      last = tmp.resolve(String.format(java.util.Locale.ROOT, "h.com/2013/05/p%03d/index.html", i));
      Files.createDirectories(last.getParent());
      Files.writeString(last, post("Question " + i + "?", "Answer " + i + "."));
    }
    Path lastPage = last;
    // the first upsert removes the last page: had the importer held entries until the end, it would
    // have read it
    MemorySink sink =
        new MemorySink() {
          @Override
          public Outcome upsert(org.qarchive.archive.QaEntry entry) {
            if (upserts == 0) {
              try {
                Files.delete(lastPage);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
            return super.upsert(entry);
          }
        };
    ImportReport r = run(sink, tmp);
    assertEquals(pages - 1, sink.entries.size());
    assertEquals(pages - 1, r.imported());
    assertTrue(
        r.rows().stream()
            .anyMatch(
                x -> x.file().endsWith("p299/index.html") && x.outcome() == FileOutcome.FAILED));
  }

  @Test
  void aNewerCopyWithFewerQuestionsReplacesTheOlderWhicheverIsReadFirst() throws Exception {
    String older =
        post("One?", "1").replace("</div></article>", "<p>Q: Two?</p><p>A: 2</p></div></article>");
    for (boolean olderFirst : List.of(true, false)) {
      Path dir = tmp.resolve(olderFirst ? "a" : "b");
      Path first = dir.resolve("h.com/2013/05/x/index.html");
      Path second = dir.resolve("h.com/2013/05/x/index.html?replytocom=1.html");
      Files.createDirectories(first.getParent());
      Files.writeString(first, olderFirst ? older : post("One?", "1, revised"));
      Files.writeString(second, olderFirst ? post("One?", "1, revised") : older);
      Files.setLastModifiedTime(
          olderFirst ? first : second, FileTime.from(Instant.parse("2014-01-01T00:00:00Z")));
      Files.setLastModifiedTime(
          olderFirst ? second : first, FileTime.from(Instant.parse("2015-01-01T00:00:00Z")));
      MemorySink sink = new MemorySink();
      ImportReport r = run(sink, dir);
      assertEquals(
          List.of("One?"),
          sink.entries.values().stream().map(e -> e.question()).toList(),
          "olderFirst=" + olderFirst);
      assertEquals("1, revised", sink.entries.values().iterator().next().answer());
      assertEquals(1, r.imported(), r.summary());
      assertEquals(0, r.updated(), r.summary());
      assertEquals(1, r.duplicates(), r.summary());
    }
  }

  @Test
  void anAnswererNamedBySurnameGetsTheFullNameTheRestOfTheBlogUses() throws Exception {
    Path a = tmp.resolve("h.com/2013/05/a/index.html");
    Path b = tmp.resolve("h.com/2013/06/b/index.html");
    Files.createDirectories(a.getParent());
    Files.createDirectories(b.getParent());
    Files.writeString(
        a, post("First?", "x").replace("<p>A: x</p>", "<p>Dr. Jane Roe answers: x</p>"));
    Files.writeString(b, post("Second?", "y").replace("<p>A: y</p>", "<p>Dr. Roe answers: y</p>"));
    MemorySink sink = new MemorySink();
    run(sink, tmp);
    assertEquals(
        List.of("Dr. Jane Roe", "Dr. Jane Roe"),
        sink.entries.values().stream().map(e -> e.answeredBy()).toList());
  }

  @Test
  void hostileZipNamesBombsAndJunkAreReportedNotThrown() throws Exception {
    Path zip = tmp.resolve("a.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name :
          List.of("../../evil.html", "/etc/x", "..\\..\\evil.html", "C:\\evil.html")) {
        z.putNextEntry(new ZipEntry(name));
        z.write(post("Evil?", "yes").getBytes(StandardCharsets.UTF_8));
      }
      z.putNextEntry(new ZipEntry("h.com/2013/05/ok/index.html"));
      z.write(post("Fine?", "yes").getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream inner = new ByteArrayOutputStream();
      try (ZipOutputStream iz = new ZipOutputStream(inner)) {
        iz.putNextEntry(new ZipEntry("h.com/2013/06/nested/index.html"));
        iz.write(post("Nested?", "yes").getBytes(StandardCharsets.UTF_8));
      }
      z.putNextEntry(new ZipEntry("inner.zip"));
      z.write(inner.toByteArray());
      z.putNextEntry(new ZipEntry("bomb.html"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 30; i++) {
        z.write(zeros);
      }
    }
    Files.write(tmp.resolve("empty.html"), new byte[0]);
    Files.write(tmp.resolve("binary.html"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream g = new GZIPOutputStream(gz)) {
      g.write(post("Gz?", "yes").getBytes(StandardCharsets.UTF_8));
    }
    byte[] full = gz.toByteArray();
    Files.write(tmp.resolve("cut.html.gz"), java.util.Arrays.copyOf(full, full.length / 2));
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, tmp);
    List<String> questions = new ArrayList<>();
    sink.entries.values().forEach(e -> questions.add(e.question()));
    assertEquals(List.of("Fine?", "Nested?"), questions.stream().sorted().toList());
    long unsafe =
        r.rows().stream()
            .filter(x -> x.reason() != null && x.reason().startsWith("unsafe entry name"))
            .count();
    assertEquals(4, unsafe);
    assertTrue(
        r.rows().stream().anyMatch(x -> x.reason() != null && x.reason().contains("zip bomb")),
        r.summary());
    assertTrue(
        r.rows().stream()
            .anyMatch(x -> x.file().equals("empty.html") && x.outcome() == FileOutcome.FAILED));
    assertTrue(
        r.rows().stream()
            .anyMatch(x -> x.file().equals("binary.html") && x.outcome() == FileOutcome.FAILED));
    assertTrue(
        r.rows().stream()
            .anyMatch(
                x -> x.file().equals("cut.html.gz") && x.reason().contains("truncated gzip")));
    assertTrue(r.summary().contains("failed files:"));
  }

  @Test
  void warcResponsesAreImportedWithTheirTargetUrl() throws Exception {
    Path warc = tmp.resolve("crawl.warc.gz");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                warc,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE),
            org.netpreserve.jwarc.WarcCompression.GZIP)) {
      byte[] body = post("From a WARC?", "Yes.").getBytes(StandardCharsets.UTF_8);
      HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML, body).build();
      w.write(
          new WarcResponse.Builder(URI.create("https://www.h.com/2016/01/warc-post/"))
              .date(Instant.parse("2016-02-01T00:00:00Z"))
              .body(http)
              .build());
      HttpResponse img =
          new HttpResponse.Builder(200, "OK")
              .body(MediaType.parse("image/png"), new byte[] {1, 2})
              .build();
      w.write(new WarcResponse.Builder(URI.create("https://www.h.com/x.png")).body(img).build());
    }
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, warc);
    assertEquals(1, sink.entries.size(), r.summary());
    assertEquals(
        "https://www.h.com/2016/01/warc-post/", sink.entries.values().iterator().next().url());
  }

  @Test
  void jsonLinesExportsReadBackIntoTheSameEntries() throws Exception {
    Path page = tmp.resolve("h.com/2013/05/x/index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, post("Round trip?", "Yes."));
    MemorySink first = new MemorySink();
    run(first, page);
    Path jsonl = tmp.resolve("export.jsonl");
    try (var w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      EntryJson.write(first.entries.values(), w);
    }
    MemorySink second = new MemorySink();
    ImportReport r = run(second, jsonl);
    assertEquals(1, r.imported());
    assertEquals(
        first.entries.values().iterator().next(), second.entries.values().iterator().next());
  }

  @Test
  void everyRealWorldTestPageGoesThroughWithoutAnExceptionEscaping() throws Exception {
    Path readability = SharedData.require("data/extraction/readability-test-pages");
    Path bench = SharedData.require("data/extraction/article-extraction-benchmark/html");
    ImportReport r =
        new Importer(ImportOptions.defaults().withImportArticles(true))
            .run(List.of(readability, bench), new MemorySink());
    assertTrue(r.rows().size() >= 181 + 130, "rows: " + r.rows().size());
  }
}

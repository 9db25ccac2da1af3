package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ImportReport.FileOutcome;
import org.qarchive.importer.ImportReport.Row;

class WxrReaderTest {

  @TempDir Path tmp;

  private Path export() throws Exception {
    Path f = tmp.resolve("clinic.WordPress.2014-03-07.xml");
    try (InputStream in = WxrReaderTest.class.getResourceAsStream("wordpress-export.xml")) {
      Files.write(f, in.readAllBytes());
    }
    return f;
  }

  private static ImportReport run(MemorySink sink, Path input) throws Exception {
    return new Importer(ImportOptions.defaults()).run(List.of(input), sink);
  }

  private static QaEntry byTitle(MemorySink sink, String prefix) {
    return sink.entries.values().stream()
        .filter(e -> e.title().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry titled " + prefix + ": " + sink.entries));
  }

  @Test
  void publishedPostsBecomeEntriesWithTheirDatesCategoriesTagsAndAuthor() throws Exception {
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, export());
    assertEquals(2, sink.entries.size(), sink.entries.toString());

    QaEntry nose = byTitle(sink, "Swelling after rhinoplasty");
    assertEquals(
        "http://blog.example-clinic.com/2014/03/swelling-after-rhinoplasty-how-long/", nose.url());
    assertEquals(QaEntry.idFor(nose.url(), 0), nose.id());
    assertTrue(nose.question().contains("tip of my nose is still swollen"), nose.question());
    assertEquals("Austin, TX", nose.askerLocation());
    assertTrue(nose.answer().startsWith("Swelling after rhinoplasty goes down"), nose.answer());
    assertTrue(nose.answer().contains("ask your surgeon"), "later paragraphs belong to the answer");
    assertEquals(LocalDate.of(2014, 3, 3), nose.date());
    assertEquals(List.of("Rhinoplasty"), nose.categories());
    assertEquals(List.of("swelling", "nose tip"), nose.tags());
    assertNotNull(nose.answeredBy());
    assertTrue(nose.answeredBy().contains("Kane"), nose.answeredBy());

    QaEntry fly = byTitle(sink, "Can I fly");
    assertTrue(fly.answer().contains("compression stockings"), "block-editor markup is read too");
    assertEquals(LocalDate.of(2015, 7, 15), fly.date());
    assertEquals(List.of("Body"), fly.categories());
    assertEquals(2, r.imported());
  }

  @Test
  void commentsDraftsAndAttachmentsAreNeverAnswersAndTheExportsRowSaysWhatWasLeftOut()
      throws Exception {
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, export());
    for (QaEntry e : sink.entries.values()) {
      assertFalse(e.answer().contains("mine took a year"), "a comment became an answer: " + e);
      assertFalse(e.question().contains("eight weeks"), "a comment became a question: " + e);
      assertFalse(e.title().startsWith("Draft"), "a draft was imported: " + e);
    }
    Row summary =
        r.rows().stream()
            .filter(x -> x.file().equals("clinic.WordPress.2014-03-07.xml"))
            .findFirst()
            .orElseThrow();
    assertEquals(FileOutcome.NOT_QA, summary.outcome());
    assertTrue(summary.reason().contains("3 posts and pages read"), summary.reason());
    assertTrue(summary.reason().contains("2 comments left out"), summary.reason());
    assertTrue(summary.reason().contains("1 drafts"), summary.reason());
    assertTrue(summary.reason().contains("1 attachments"), summary.reason());
    Row about =
        r.rows().stream().filter(x -> x.file().endsWith("/about/")).findFirst().orElseThrow();
    assertEquals(FileOutcome.NOT_QA, about.outcome(), "a page without a Q&A is not an entry");
  }

  @Test
  void anExportInsideAZipIsReadToo() throws Exception {
    Path zip = tmp.resolve("site.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out);
        InputStream in = WxrReaderTest.class.getResourceAsStream("wordpress-export.xml")) {
      z.putNextEntry(new ZipEntry("backup/export.xml"));
      z.write(in.readAllBytes());
      z.closeEntry();
    }
    MemorySink sink = new MemorySink();
    run(sink, zip);
    assertEquals(2, sink.entries.size());
  }

  @Test
  void externalEntitiesAndEntityBombsAreNeverExpanded() throws Exception {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
            + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" "
            + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
            + "<title>Leak &x; &c;</title><link>http://h.example/2014/01/leak/</link>"
            + "<content:encoded>Question: what is &x;? Answer: &c;</content:encoded>"
            + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
            + "</channel></rss>\n";
    Path f = tmp.resolve("evil.xml");
    Files.writeString(f, xxe, StandardCharsets.UTF_8);
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, f);
    for (QaEntry e : sink.entries.values()) {
      assertFalse(e.toString().contains("TOP-SECRET"), "external entity expanded: " + e);
    }
    assertTrue(
        r.rows().stream().anyMatch(x -> x.outcome() == FileOutcome.FAILED),
        "the export with a DTD is refused: " + r.rows());
  }

  @Test
  void aTruncatedExportKeepsThePostsBeforeTheBreakAndSaysWhere() throws Exception {
    byte[] whole = Files.readAllBytes(export());
    String text = new String(whole, StandardCharsets.UTF_8);
    int cut = text.indexOf("<title>Draft");
    Path f = tmp.resolve("cut.xml");
    Files.writeString(f, text.substring(0, cut + 20), StandardCharsets.UTF_8);
    MemorySink sink = new MemorySink();
    ImportReport r = run(sink, f);
    assertEquals(2, sink.entries.size());
    Row broken =
        r.rows().stream().filter(x -> x.outcome() == FileOutcome.FAILED).findFirst().orElseThrow();
    assertTrue(
        broken.reason().startsWith("broken WordPress export after 2 posts"), broken.reason());
  }

  @Test
  void plainTextBodiesGetParagraphsAsWordPressShowsThem() {
    assertEquals("<p>one<br>\ntwo</p>\n<p>three</p>\n", WxrReader.autop("one\ntwo\n\n\nthree"));
    String blocks = "<p>already</p>\n\n<p>marked up</p>";
    assertEquals(blocks, WxrReader.autop(blocks));
  }
}

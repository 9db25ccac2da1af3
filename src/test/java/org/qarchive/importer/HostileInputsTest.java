package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.importer.ImportReport.FileOutcome;

/**
 * The hostile inputs of the hardening issue, each refused or imported safely: nothing outside the
 * inputs is read, nothing is written anywhere (zip members are read in memory, never extracted),
 * and limits stop the expensive ones. The elapsed time of each is printed for the record; timing is
 * not asserted.
 */
class HostileInputsTest {

  @TempDir Path tmp;

  private static final String POST =
      "<html><body class='single'><article class='post'><div class='entry-content'><p>Q: Is it safe?</p>"
          + "<p>A: Yes.</p></div></article></body></html>";

  private static ImportReport importing(String what, MemorySink sink, Path... inputs)
      throws Exception {
    long t = System.nanoTime();
    ImportReport r = new Importer(ImportOptions.defaults()).run(List.of(inputs), sink);
    System.out.printf(Locale.ROOT, "hostile %s: %.0f ms%n", what, (System.nanoTime() - t) / 1e6);
    return r;
  }

  private static PageResult extracting(String what, byte[] page) {
    long t = System.nanoTime();
    PageResult r = new PageExtractor().extract(page, "h.com/2013/05/x/index.html", null);
    String body = new MainContentExtractor().extract(page);
    assertNotNull(body);
    System.out.printf(Locale.ROOT, "hostile %s: %.0f ms%n", what, (System.nanoTime() - t) / 1e6);
    return r;
  }

  private static Stream<Path> everythingUnder(Path dir) throws IOException {
    return Files.walk(dir);
  }

  @Test
  void symbolicLinksInsideAFolderAreNotFollowed() throws Exception {
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside.resolve("h.com/2013/05/secret"));
    Files.writeString(outside.resolve("h.com/2013/05/secret/index.html"), POST);
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    try {
      Files.createSymbolicLink(in.resolve("linked-folder"), outside);
      Files.createSymbolicLink(in.resolve("passwd"), Path.of("/etc/passwd"));
      Files.createSymbolicLink(
          in.resolve("post.html"), outside.resolve("h.com/2013/05/secret/index.html"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    MemorySink sink = new MemorySink();
    ImportReport r = importing("symlinks", sink, in);
    assertTrue(sink.entries.isEmpty(), "nothing behind a link is imported");
    assertEquals(
        3,
        r.rows().stream().filter(x -> "symbolic link, not followed".equals(x.reason())).count(),
        r.summary());
  }

  @Test
  void aZipSymlinkEntryIsOnlyItsTargetTextAndNothingIsWritten() throws Exception {
    Path zip = tmp.resolve("links.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("h.com/link.html"));
      z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("h.com/2013/05/ok/index.html"));
      z.write(POST.getBytes(StandardCharsets.UTF_8));
    }
    markFirstEntryAsUnixSymlink(zip);
    long before;
    try (Stream<Path> s = everythingUnder(tmp)) {
      before = s.count();
    }
    MemorySink sink = new MemorySink();
    ImportReport r = importing("zip symlink", sink, zip);
    assertEquals(1, sink.entries.size(), r.summary());
    assertFalse(sink.entries.values().iterator().next().answer().contains("root:"));
    try (Stream<Path> s = everythingUnder(tmp)) {
      assertEquals(before, s.count(), "the import wrote no file");
    }
  }

  /**
   * Sets "made by Unix" and mode 0120777 (a symbolic link) in the central directory record of the
   * first entry.
   */
  private static void markFirstEntryAsUnixSymlink(Path zip) throws IOException {
    byte[] b = Files.readAllBytes(zip);
    for (int i = 0; i + 46 < b.length; i++) {
      if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02) {
        b[i + 5] = 3; // version made by: Unix
        int mode = 0120777 << 16;
        b[i + 38] = (byte) mode;
        b[i + 39] = (byte) (mode >>> 8);
        b[i + 40] = (byte) (mode >>> 16);
        b[i + 41] = (byte) (mode >>> 24);
        break;
      }
    }
    Files.write(zip, b);
  }

  @Test
  void aHundredThousandZipEntriesAreWalkedWithinTheEntryLimit() throws Exception {
    Path zip = tmp.resolve("many.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 100_000; i++) {
        z.putNextEntry(new ZipEntry("junk/" + i + ".css"));
      }
      z.putNextEntry(new ZipEntry("h.com/2013/05/ok/index.html"));
      z.write(POST.getBytes(StandardCharsets.UTF_8));
    }
    MemorySink sink = new MemorySink();
    importing("100,000 zip entries", sink, zip);
    assertEquals(1, sink.entries.size());
    assertTrue(
        ArchiveInputs.MAX_ZIP_ENTRIES >= 100_000 && ArchiveInputs.MAX_ZIP_ENTRIES <= 1_000_000);
  }

  @Test
  void zipsNestedBeyondTheLimitAreRefused() throws Exception {
    byte[] current = POST.getBytes(StandardCharsets.UTF_8);
    String name = "h.com/2013/05/deep/index.html";
    for (int depth = 0; depth < ArchiveInputs.MAX_NESTING + 2; depth++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry(name));
        z.write(current);
      }
      current = out.toByteArray();
      name = "level" + depth + ".zip";
    }
    Path zip = tmp.resolve("nested.zip");
    Files.write(zip, current);
    MemorySink sink = new MemorySink();
    ImportReport r = importing("nested zips", sink, zip);
    assertTrue(sink.entries.isEmpty());
    assertTrue(
        r.rows().stream().anyMatch(x -> x.reason() != null && x.reason().contains("nested deeper")),
        r.summary());
  }

  @Test
  void aHundredThousandNestedDivsParseWithinJsoupsDepthLimit() {
    String page =
        "<html><body>"
            + "<div>".repeat(100_000)
            + "<p>Q: Deep?</p><p>A: Yes.</p>"
            + "</div>".repeat(100_000)
            + "</body></html>";
    PageResult r = extracting("100,000 nested divs", page.getBytes(StandardCharsets.UTF_8));
    assertNotNull(r.kind());
  }

  @Test
  void aPageOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
    Path big = tmp.resolve("big.html");
    try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("<html><body><p>");
      String chunk = "x".repeat(1 << 20);
      for (int i = 0; i < 50; i++) {
        w.write(chunk);
      }
      w.write("</p></body></html>");
    }
    MemorySink sink = new MemorySink();
    ImportReport r = importing("50 MB text node", sink, big);
    assertEquals(FileOutcome.FAILED, r.rows().get(0).outcome());
    assertTrue(r.rows().get(0).reason().startsWith("larger than"), r.rows().get(0).reason());
  }

  @Test
  void aMillionEntitiesAreJustText() {
    String page =
        "<html><body class='single'><article class='post'><div class='entry-content'><p>Q: Amps?</p><p>A: "
            + "&amp;".repeat(1_000_000)
            + "</p></div></article></body></html>";
    PageResult r = extracting("a million entities", page.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, r.entries().size());
    assertEquals(1_000_000, r.entries().get(0).answer().chars().filter(c -> c == '&').count());
  }

  @Test
  void aPageWithNulBytesIsRefusedAsBinary() {
    String page =
        "<html><body class='single'><article class='post'><div class='entry-content'><p>Q: Nul\0 here?</p>"
            + "<p>A: And\0 here.</p></div></article></body></html>";
    PageResult r = extracting("NUL bytes", page.getBytes(StandardCharsets.UTF_8));
    assertEquals(PageKind.BROKEN, r.kind());
    assertTrue(r.reason().contains("NUL"), r.reason());
  }

  @Test
  void anExternalXmlEntityIsNeverResolved() {
    String feed =
        "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version='2.0'><channel><title>&x;</title><item><title>Q</title><description>&x;</description>"
            + "</item></channel></rss>";
    String page =
        "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body class='single'>"
            + "<article class='post'><div class='entry-content'><p>Q: What is &x;?</p><p>A: Nothing &x;.</p></div>"
            + "</article></body></html>";
    for (String s : List.of(feed, page)) {
      PageResult r = extracting("XML external entity", s.getBytes(StandardCharsets.UTF_8));
      assertFalse(r.toString().contains("root:"), r.toString());
      assertFalse(
          new MainContentExtractor().extract(s.getBytes(StandardCharsets.UTF_8)).contains("root:"));
    }
  }
}

package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.importer.ArchiveInputs.FileStamp;
import org.qarchive.importer.ArchiveInputs.Item;

class ArchiveInputsTest {

  @TempDir Path tmp;

  private Path file(String name, String text, String mtime) throws Exception {
    Path p = tmp.resolve("site").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse(mtime)));
    return p;
  }

  private static List<Item> walk(List<ArchiveInputs.Listed> listing) {
    List<Item> items = new ArrayList<>();
    new ArchiveInputs(1 << 20).walk(listing, items::add);
    return items;
  }

  @Test
  void theParallelListingFindsWhatAWalkOfTheTreeFindsInPathOrderWithoutEnteringLinkedFolders()
      throws Exception {
    for (int y = 0; y < 6; y++) {
      for (int m = 0; m < 5; m++) {
        file(
            "20" + (10 + y) + "/0" + m + "/post-" + m + "/index.html",
            "<p>" + y + m + "</p>",
            "2014-01-01T00:00:00Z");
      }
      file("20" + (10 + y) + "/index.html", "<p>year</p>", "2014-01-01T00:00:00Z");
    }
    file("b-x/page.html", "<p>sorts before b/</p>", "2014-01-01T00:00:00Z");
    file("b/page.html", "<p>b</p>", "2014-01-01T00:00:00Z");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.html"), "<p>not ours</p>");
    Files.createSymbolicLink(tmp.resolve("site").resolve("linked"), outside);

    List<Path> expected;
    try (var s = Files.walk(tmp.resolve("site"))) { // does not follow links either
      expected =
          s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .toList();
    }
    ArchiveInputs.Listed listed = ArchiveInputs.list(List.of(tmp.resolve("site"))).get(0);
    assertEquals(expected, listed.files().stream().map(ArchiveInputs.Found::file).toList());
    assertEquals(
        2 + 6 * 6 + 1, listed.files().size(), "the link itself is listed, and the walk refuses it");
  }

  @Test
  void aFileChangedAfterTheListingKeepsTheListedStampSoTheNextImportReadsItAgain()
      throws Exception {
    Path a = file("a.html", "<p>old</p>", "2014-01-01T00:00:00Z");
    List<ArchiveInputs.Listed> listing = ArchiveInputs.list(List.of(tmp.resolve("site")));
    FileStamp listed = ArchiveInputs.stamps(listing).get(a.toAbsolutePath().normalize().toString());
    assertEquals(Instant.parse("2014-01-01T00:00:00Z").toEpochMilli(), listed.mtime());

    Files.writeString(a, "<p>new and longer</p>");
    Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2015-01-01T00:00:00Z")));
    ArchiveInputs.Page page = assertInstanceOf(ArchiveInputs.Page.class, walk(listing).get(0));
    assertEquals(
        "<p>new and longer</p>", new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        listed,
        page.stamp(),
        "the stamp is the one taken before the read, never newer than the bytes");
  }

  @Test
  void aFileGoneAfterTheListingIsAFailedRowAndTheRestIsWalked() throws Exception {
    Path a = file("a.html", "<p>a</p>", "2014-01-01T00:00:00Z");
    file("b.html", "<p>b</p>", "2014-01-01T00:00:00Z");
    List<ArchiveInputs.Listed> listing = ArchiveInputs.list(List.of(tmp.resolve("site")));
    Files.delete(a);
    List<Item> items = walk(listing);
    assertEquals(2, items.size());
    ArchiveInputs.Failure gone = assertInstanceOf(ArchiveInputs.Failure.class, items.get(0));
    assertEquals("a.html", gone.name());
    assertEquals("cannot read: " + a, gone.reason());
    assertEquals("b.html", assertInstanceOf(ArchiveInputs.Page.class, items.get(1)).name());
  }

  @Test
  void theListingGivesStampsAndPlanForFoldersAndNamedFilesAndReportsMissingInputs()
      throws Exception {
    Path a = file("x/a.html", "12345", "2014-01-01T00:00:00Z");
    Path single = file("../b.html", "123", "2014-02-01T00:00:00Z");
    Path missing = tmp.resolve("nowhere");
    List<ArchiveInputs.Listed> listing =
        ArchiveInputs.list(List.of(tmp.resolve("site").resolve("x"), single, missing));

    Map<String, FileStamp> stamps = ArchiveInputs.stamps(listing);
    assertEquals(2, stamps.size(), stamps.toString());
    assertEquals(5, stamps.get(a.toAbsolutePath().normalize().toString()).size());
    assertEquals(3, stamps.get(single.toAbsolutePath().normalize().toString()).size());
    assertEquals(new ArchiveInputs.Plan(2, 8, false), ArchiveInputs.plan(listing));

    List<Item> items = walk(listing);
    assertEquals(
        List.of("a.html", "b.html", missing.toString()), items.stream().map(Item::name).toList());
    assertEquals("no such file or folder", ((ArchiveInputs.Failure) items.get(2)).reason());
  }

  @Test
  void namesThatAreNeverPagesAreToldApartAsTheOldPatternDid() {
    java.util.regex.Pattern old =
        java.util.regex.Pattern.compile(
            "(?i).*\\.(css|js|mjs|json|map|jpe?g|png|gif|webp|svg|ico|bmp|tiff?|woff2?|ttf|"
                + "eot|otf|mp[34]|m4a|webm|avi|mov|wav|ogg|pdf|docx?|xlsx?|pptx?|swf|txt|md|csv|cdx|log|exe|dll|so|class|jar)$");
    for (String name :
        List.of(
            "a/style.css",
            "index.html",
            "x.jpeg",
            "x.jpg",
            "x.jpgg",
            "x.tif",
            "x.tiff",
            "x.tiffany",
            "x.mp3",
            "x.mp5",
            "font.woff2",
            "x.woff3",
            "css",
            ".css",
            "x.css.html",
            "x.html.css",
            "a\nb.css",
            "a.css\n",
            "noext",
            "dir.css/index.html",
            "x.",
            "x.jar",
            "x.class",
            "x.so",
            "x.soo",
            "feed.json",
            "data.jsonl")) {
      assertEquals(old.matcher(name).matches(), ArchiveInputs.notAPage(name), name);
    }
  }

  @Test
  void aZipThatGivesNoPagesSaysWhy() throws Exception {
    Path empty = tmp.resolve("empty.zip");
    new java.util.zip.ZipOutputStream(Files.newOutputStream(empty)).close();
    Path notZip = tmp.resolve("notes.zip");
    Files.writeString(notZip, "these are my notes, not an archive");
    Path images = tmp.resolve("images.zip");
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(images))) {
      z.putNextEntry(new java.util.zip.ZipEntry("a.jpg"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    Path zero = tmp.resolve("zero.zip");
    Files.write(zero, new byte[0]);
    List<String> reasons = new ArrayList<>();
    for (Path p : List.of(empty, notZip, images, zero)) {
      List<Item> items = walk(ArchiveInputs.list(List.of(p)));
      assertEquals(1, items.size(), p.toString());
      reasons.add(assertInstanceOf(ArchiveInputs.Failure.class, items.get(0)).reason());
    }
    assertEquals(
        List.of(
            "empty zip archive (no files in it)",
            "not a zip archive (corrupt, or another format named .zip)",
            "no pages in the zip (1 members, none a page or archive)",
            "empty file, not a zip archive"),
        reasons);
  }
}

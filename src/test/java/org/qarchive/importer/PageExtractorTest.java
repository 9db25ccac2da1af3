package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;

class PageExtractorTest {

  private final PageExtractor extractor = new PageExtractor();

  private static Path seedPage() throws Exception {
    try (Stream<Path> s = Files.walk(Path.of("import/blog.drdeankane.com"))) {
      return s.filter(p -> p.getFileName().toString().equals("index.html"))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void theSeedPageYieldsExactlyOneQuestionWithItsLabelsAsMetadata() throws Exception {
    Path page = seedPage();
    PageResult r = extractor.extract(Files.readAllBytes(page), page.toString(), null);
    assertEquals(PageKind.POST, r.kind());
    assertEquals(1, r.entries().size());
    QaEntry e = r.entries().get(0);
    String seed =
        Files.readString(
            Path.of(
                PageExtractorTest.class.getResource("/seed/botox-and-facial-toners.txt").toURI()));
    String expectedQuestion =
        "I recently had botox in my forehead & above the eyebrows. I use facial toners for saggy skin around the eye "
            + "& jowls etc. It could be psychological but I felt it helped. I read articles recommending using facial "
            + "toners in conjunction with botox to prevent muscle atrophy as a result of botox, even if it only "
            + "targeted the surrounding non-botoxed muscles. Not much was injected so I still have some movement. How "
            + "long after the injections can I use these devices & is there a risk of the botox moving?";
    assertTrue(seed.contains(expectedQuestion), "the expectation is the seed's own text");
    assertEquals(expectedQuestion, e.question());
    assertEquals("England, AR", e.askerLocation());
    assertEquals("Dr. Dean Kane", e.answeredBy());
    assertEquals("Board Certified Plastic Surgeon from Baltimore", e.credentials());
    assertTrue(e.answer().startsWith("Expression appearances are created"), e.answer());
    assertTrue(e.answer().endsWith("I hope this was helpful! All the best!"), e.answer());
    assertTrue(
        e.answer().contains("various layers.\n\nBotox and Dysport"),
        "paragraphs are separated by a blank line");
    assertEquals(PostDate.of(LocalDate.of(2013, 5, 14)), e.date());
    assertEquals(List.of("Botox"), e.categories());
    assertEquals(List.of("botox", "facial toners"), e.tags());
    assertTrue(e.title().startsWith("Dr. Dean Kane Q&A – Botox and Facial toners"), e.title());
    assertTrue(e.url().startsWith("http://blog.drdeankane.com/2013/05/"), e.url());
    assertNull(r.captureTime());
  }

  @Test
  void emailsAndPhonesInQuestionsAreMaskedAndCounted() {
    String html =
        "<html><head><title>t</title></head><body class='single'><article class='post'><h1 class='entry-title'>Lips</h1>"
            + "<div class='entry-content'><p><b>Q:</b> Can you call me at (410) 555-0199 or write to jane.doe@example.com?</p>"
            + "<p><b>A:</b> Please call our office.</p></div></article></body></html>";
    PageResult r =
        extractor.extract(html.getBytes(StandardCharsets.UTF_8), "x/2014/01/lips/index.html", null);
    assertEquals(2, r.maskedPii());
    assertEquals(
        "Can you call me at [phone removed] or write to [email removed]?",
        r.entries().get(0).question());
  }

  @Test
  void severalQuestionsOnOnePageBecomeSeveralEntriesWithTheirHeadings() {
    String html =
        "<html><body class='single'><article class='post'><h1 class='entry-title'>Roundup</h1><div class='entry-content'>"
            + "<p>Intro text that is not a question.</p>"
            + "<h2>Filler?</h2><p><strong>Q:</strong> First?</p><p><strong>A:</strong> One.</p>"
            + "<h2>Botox?</h2><p><strong>Question from Paris, France:</strong> Second?</p><p><strong>Dr. Jo Lee answers:</strong> Two.</p><ul><li>a</li><li>b</li></ul>"
            + "</div></article></body></html>";
    PageResult r =
        extractor.extract(
            html.getBytes(StandardCharsets.UTF_8), "h.com/2014/02/roundup/index.html", null);
    assertEquals(2, r.entries().size());
    assertEquals("Filler?", r.entries().get(0).title());
    assertEquals("One.", r.entries().get(0).answer());
    assertEquals("Paris, France", r.entries().get(1).askerLocation());
    assertEquals("Dr. Jo Lee", r.entries().get(1).answeredBy());
    assertEquals("Two.\n\na\nb", r.entries().get(1).answer());
    assertEquals(QaEntry.idFor("http://h.com/2014/02/roundup/", 1), r.entries().get(1).id());
    assertEquals(
        PostDate.month(2014, 2),
        r.entries().get(0).date(),
        "the URL's month when the page states no date");
  }

  @Test
  void doctorsAreNamedFromTheirOwnParagraphNeverFromMenuItemsRunTogether() {
    String html =
        "<html><head><title>Lips</title></head><body class='single'><nav><ul><li>About Dr. Kessler</li>"
            + "<li>Procedures</li></ul></nav><script>var s = 'Dr. Not Shown';</script>"
            + "<article class='post'><h1 class='entry-title'>Ask Dr. Pemberton: Lips</h1>"
            + "<div class='entry-content'><p><b>Q:</b> Are lip fillers safe?</p><p><b>A:</b> Mostly, yes.</p></div></article>"
            + "<footer><p>Written by Dr. <a href='/about/'>Sofia Pemberton</a>, our surgeon.</p></footer></body></html>";
    PageResult r =
        extractor.extract(
            html.getBytes(StandardCharsets.UTF_8), "h.com/2014/01/lips/index.html", null);
    assertEquals(
        List.of("Dr. Sofia Pemberton"),
        r.doctorNames(),
        "a name split by a link counts; menu items do not");
    assertEquals(
        "Dr. Sofia Pemberton",
        r.entries().get(0).answeredBy(),
        "the short label is completed from the page");
  }

  @Test
  void listingPagesAreToldByTheirBodyClassAndSearchPagesAndPostsAreNotMistakenForThem() {
    String post =
        "<article class='post'><h1 class='entry-title'>Lips</h1><div class='entry-content'>"
            + "<p><b>Q:</b> Are lip fillers safe?</p><p><b>A:</b> Mostly, yes.</p></div></article>";
    String home =
        "<html><head><meta itemprop='target' content='http://h.com/?s={s}'></head>"
            + "<body class='home blog'>"
            + post
            + "</body></html>";
    PageResult r =
        extractor.extract(home.getBytes(StandardCharsets.UTF_8), "h.com/index.html", null);
    assertEquals(
        PageKind.LISTING, r.kind(), "a search box's URL template does not make a search page");
    assertEquals("a listing page (body class \"home\")", r.reason());

    String search =
        "<html><head><link rel='canonical' href='http://h.com/?s=botox'></head>"
            + "<body class='archive'>"
            + post
            + "</body></html>";
    assertEquals(
        PageKind.SEARCH,
        extractor
            .extract(search.getBytes(StandardCharsets.UTF_8), "h.com/index.html", null)
            .kind());

    String commentedOut =
        "<html><head><!-- <body class='archive category'> --></head>"
            + "<body class='single'>"
            + post
            + "</body></html>";
    assertEquals(
        PageKind.POST,
        extractor
            .extract(
                commentedOut.getBytes(StandardCharsets.UTF_8),
                "h.com/2014/01/lips/index.html",
                null)
            .kind());

    String inScript =
        "<html><head><script>document.write('<body class=\"archive\">')</script></head>"
            + "<body>"
            + post
            + "</body></html>";
    assertEquals(
        PageKind.POST,
        extractor
            .extract(
                inScript.getBytes(StandardCharsets.UTF_8), "h.com/2014/01/lips/index.html", null)
            .kind());
  }

  @Test
  void aPageWithoutACanonicalAddressIsAListingWhenItsPathIsOneUnlessItSaysOtherwise() {
    String qa =
        "<div class='post'><p><b>Q:</b> Are lip fillers safe?</p><p><b>A:</b> Mostly, yes.</p></div>";
    String table =
        "<html><head><title>Blog</title></head><body bgcolor='#FFFFFF'><table><tr><td>"
            + qa
            + "</td></tr></table></body></html>";
    PageResult r =
        extractor.extract(table.getBytes(StandardCharsets.UTF_8), "h.com/page/3/index.html", null);
    assertEquals(PageKind.LISTING, r.kind());
    assertEquals("a listing page (address /page/3/)", r.reason());

    String named =
        table.replace("<table>", "<link rel='canonical' href='http://h.com/2014/01/lips/'><table>");
    assertEquals(
        PageKind.POST,
        extractor
            .extract(named.getBytes(StandardCharsets.UTF_8), "h.com/page/3/index.html", null)
            .kind(),
        "a canonical link in the body names the post's own address");

    String single = table.replace("<body bgcolor='#FFFFFF'>", "<body class='single'>");
    assertEquals(
        PageKind.POST,
        extractor
            .extract(single.getBytes(StandardCharsets.UTF_8), "h.com/page/3/index.html", null)
            .kind());
    String laterBody = table.replace("<table>", "<body class='single'><table>");
    assertEquals(
        PageKind.POST,
        extractor
            .extract(laterBody.getBytes(StandardCharsets.UTF_8), "h.com/page/3/index.html", null)
            .kind(),
        "a second body tag adds the class the first lacks");
  }

  @Test
  void cp1252PagesKeepTheirCurlyQuotes() {
    byte[] head =
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'></head><body><div class='post'><p>Q: Is it “safe”?</p><p>A: It’s fine.</p></div></body></html>"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    PageResult r = extractor.extract(head, "h.com/2015/03/safe/index.html", null);
    assertEquals("Is it “safe”?", r.entries().get(0).question());
    assertEquals("It’s fine.", r.entries().get(0).answer());
  }

  @Test
  void waybackCapturesGiveTheOriginalUrlAndTheCaptureTimeButNotAsPostDate() {
    String html =
        "<html><head><link rel='canonical' href='/web/20150506103409/http://www.h.com/2012/07/x/'></head><body class='single'>"
            + "<div id='wm-ipp-base'>Jun 2015 captures 06 May 2015</div><article class='post'><div class='entry-content'>"
            + "<p>Q: Why?</p><p>A: Because.</p></div></article></body></html>";
    PageResult r =
        extractor.extract(
            html.getBytes(StandardCharsets.UTF_8),
            "web.archive.org/web/20150506103409/http:/www.h.com/2012/07/x/index.html",
            null);
    assertEquals("http://www.h.com/2012/07/x/", r.canonicalUrl());
    assertNotNull(r.captureTime());
    assertEquals("2015-05-06T10:34:09Z", r.captureTime().toString());
    assertEquals(
        PostDate.month(2012, 7),
        r.entries().get(0).date(),
        "the address tells the month only, and it stays a month");
    assertEquals("2012-07", r.entries().get(0).date().toString());
  }

  @Test
  void listingsFeedsSearchesAndJunkAreToldApart() {
    byte[] listing =
        "<html><body class='home blog'><article class='post'><p>Q: a?</p><p>A: b</p></article><article class='post'>x</article></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(PageKind.LISTING, extractor.extract(listing, "h.com/index.html", null).kind());
    assertEquals(
        PageKind.LISTING,
        extractor
            .extract(
                "<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "h.com/tag/botox/page/2/index.html",
                null)
            .kind());
    assertEquals(
        PageKind.FEED,
        extractor
            .extract(
                "<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>"
                    .getBytes(StandardCharsets.UTF_8),
                "h.com/feed/index.html",
                null)
            .kind());
    assertEquals(
        PageKind.SEARCH,
        extractor
            .extract(
                "<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8),
                "h.com/index.html?s=botox.html",
                null)
            .kind());
    assertEquals(PageKind.BROKEN, extractor.extract(new byte[0], "e.html", null).kind());
    assertEquals(
        PageKind.BROKEN,
        extractor
            .extract(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1}, "j.html", null)
            .kind());
    assertEquals(
        PageKind.BROKEN,
        extractor
            .extract(
                "<html><head><title>x</title></head><body><p>Q: cut"
                    .getBytes(StandardCharsets.UTF_8),
                "t.html",
                null)
            .kind());
    assertEquals(
        PageKind.NOT_QA,
        extractor
            .extract(
                "<html><body class='page'><div class='entry-content'><p>About us.</p></div></body></html>"
                    .getBytes(StandardCharsets.UTF_8),
                "h.com/about/index.html",
                null)
            .kind());
  }

  /**
   * Leaving the comments, sidebar and footer out changes no entry, address or capture time of the
   * sample archive, beyond a doctor's short name that only a widget spelled out in full (the import
   * completes those from the archive's other pages).
   */
  @Test
  void theSampleArchiveYieldsTheSameEntriesWhenTheRestIsLeftOut() throws IOException {
    Path archive = ManifestScoreTest.shared().resolve("data/sample-archive");
    List<Path> files;
    try (Stream<Path> s = Files.walk(archive)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    PageExtractor cut = new PageExtractor(false, ThemeSelectors.NONE, false);
    PageExtractor whole = new PageExtractor(false, ThemeSelectors.NONE, true);
    int shortened = 0;
    int waybackShortened = 0;
    int entries = 0;
    List<String> differences = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      if (org.qarchive.importer.fast.PostRegion.end(bytes, f.toString(), null) < bytes.length) {
        shortened++;
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains("/web/")) {
          waybackShortened++;
        }
      }
      PageResult a = whole.extract(bytes, f.toString(), null);
      PageResult b = cut.extract(bytes, f.toString(), null);
      if (a.kind() != b.kind()
          || a.entries().size() != b.entries().size()
          || !java.util.Objects.equals(a.canonicalUrl(), b.canonicalUrl())
          || !java.util.Objects.equals(a.captureTime(), b.captureTime())) {
        differences.add(
            f
                + ": "
                + a.kind()
                + " "
                + a.entries().size()
                + " / "
                + b.kind()
                + " "
                + b.entries().size());
        continue;
      }
      for (int i = 0; i < a.entries().size(); i++) {
        QaEntry x = a.entries().get(i);
        QaEntry y = b.entries().get(i);
        entries++;
        boolean sameDoctor =
            java.util.Objects.equals(x.answeredBy(), y.answeredBy())
                || x.answeredBy() != null
                    && y.answeredBy() != null
                    && lastWord(x.answeredBy()).equals(lastWord(y.answeredBy()));
        if (!sameDoctor || !withoutDoctor(x).equals(withoutDoctor(y))) {
          differences.add(f + ": " + x + "\n  " + y);
        }
      }
    }
    assertTrue(differences.isEmpty(), String.join("\n", differences));
    assertTrue(entries > 200, "entries compared: " + entries);
    assertTrue(
        shortened * 2 > files.size(), shortened + " of " + files.size() + " pages shortened");
    assertTrue(waybackShortened > 0, "Wayback captures shortened too, with the same capture time");
  }

  private static QaEntry withoutDoctor(QaEntry e) {
    return new QaEntry(
        e.id(),
        e.url(),
        e.title(),
        e.question(),
        e.askerLocation(),
        e.answer(),
        null,
        e.credentials(),
        e.date(),
        e.categories(),
        e.tags(),
        e.sourceFile());
  }

  private static String lastWord(String s) {
    return s.substring(s.lastIndexOf(' ') + 1);
  }

  private static String teaser(String href, String title) {
    return "<article><h2><a href='"
        + href
        + "'>"
        + title
        + "</a></h2><p>An excerpt of that other post, a sentence or two long.</p></article>";
  }

  @Test
  void aPageShowingItsOwnQaBesideAWallOfTeasersIsThatQasPost() {
    StringBuilder teasers = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      teasers.append(teaser("/2019/0" + (i % 9 + 1) + "/story-" + i + "/", "Story " + i));
    }
    String qa =
        "<section><p><b>Q:</b> How long do fillers last?</p><p><b>Dr. Ann Lee answers:</b>"
            + " Six to eighteen months, depending on the product.</p></section>";
    byte[] page =
        ("<html><body><main>" + qa + teasers + "</main></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    // a section's front page (a site's home page is a listing by its address alone)
    PageResult r = extractor.extract(page, "h.com/health/index.html", null);
    assertEquals(PageKind.POST, r.kind(), r.reason());
    assertEquals(1, r.entries().size());
    assertEquals("How long do fillers last?", r.entries().get(0).question());
    assertEquals("Six to eighteen months, depending on the product.", r.entries().get(0).answer());
    assertEquals("Dr. Ann Lee", r.entries().get(0).answeredBy());

    // the same wall with the Q&As inside the teasers is a listing: they are other posts' Q&As
    StringBuilder qaTeasers = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      qaTeasers.append(
          "<article><h2><a href='/q" + i + "/'>Q " + i + "</a></h2>" + qa + "</article>");
    }
    byte[] listing =
        ("<html><body><main>" + qaTeasers + "</main></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        PageKind.LISTING, extractor.extract(listing, "h.com/health/index.html", null).kind());
  }

  @Test
  void readersRepliesMarkedUpAsArticlesDoNotMakeAPostAListing() {
    StringBuilder replies = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      replies.append(
          "<article class='reply'><span>reader"
              + i
              + "</span><p>Thanks, that helped me decide about my own treatment plan.</p></article>");
    }
    byte[] page =
        ("<html><body><article class='post'><h1>Fillers</h1><p><b>Q:</b> How long do fillers"
                + " last?</p><p><b>Dr. Ann Lee answers:</b> Six to eighteen months.</p></article>"
                + replies
                + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    PageResult r = extractor.extract(page, "h.com/fillers/index.html", null);
    assertEquals(PageKind.POST, r.kind(), r.reason());
    assertEquals(1, r.entries().size());
    assertEquals("Six to eighteen months.", r.entries().get(0).answer());
  }
}

package org.qarchive.importer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@link BodyTag} against plain jsoup: what the listing sniff reads from the page parsed up to the
 * first body tag's end is what jsoup reads from the whole page, or nothing at all (then the sniff
 * decides nothing and the page goes to the full rules), and the tag's words hold every class jsoup
 * gives the body, so the cheap gate never turns away a page jsoup would call a listing.
 */
class BodyTagTest {

  private static final String FILLER = "<p>" + "words ".repeat(200) + "</p>";

  /** Pages where a body tag, or what looks like one, is not where a naive search finds it. */
  private static final List<String> TRICKY =
      List.of(
          "<html><head><title>x</title></head><body class=\"home blog\">" + FILLER,
          "<HTML><HEAD></HEAD><BODY CLASS=\"Archive Category\">" + FILLER,
          "<html><body\tclass='paged page-2'\n id=top>" + FILLER,
          "<html><body>" + FILLER,
          "<html><body/>" + FILLER,
          "<html><head></head><bodyx class=home><p>x</p>" + FILLER,
          "<html><head><!-- <body class=\"home\"> --></head><body class=\"single\">" + FILLER,
          "<html><head><script>document.write('<body class=\"home\">')</script></head>"
              + "<body class=\"single single-post\">"
              + FILLER,
          "<html><head><meta name=x content=\"<body class=home>\"></head><body class=post>"
              + FILLER,
          "<html><head><title><body class=home></title></head><body class=\"post\">" + FILLER,
          "<html><head><style>body{} <body class=home></style></head><body>" + FILLER,
          "<html><body class=\"home\">" + FILLER + "<body class=\"single\" id=late>",
          "<html><body id=first>" + FILLER + "<body class=\"home blog\">",
          "<html><body class=\"tag tag-botox\" class=\"single\">" + FILLER,
          "<html><body data-x='a>b' class=\"category\">" + FILLER,
          "<html><body class=\"home" + FILLER,
          "<html><head></head><p>no body tag at all</p>" + FILLER,
          "<html><head></head>" + "<p>x</p>".repeat(40_000) + "<body class=home>",
          "<html><body class=\"\u00e9t\u00e9 home\">" + FILLER);

  private static Set<String> classes(Document doc) {
    return doc.body() == null
        ? Set.of()
        : doc.body().classNames().stream()
            .map(c -> c.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  private static Document parse(byte[] bytes) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(bytes), "UTF-8", "", Parser.htmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The differences between the sniff and jsoup on one page, described; empty when they agree. */
  private static List<String> disagreements(byte[] page, String name) {
    List<String> out = new ArrayList<>();
    Set<String> whole = classes(parse(page));
    BodyTag tag = BodyTag.first(page);
    if (tag == null) {
      return out; // nothing sniffed: the page goes to the full rules
    }
    // the gate: with one body tag in the page, its words hold every class jsoup gives the body
    // (a class with letters outside ASCII is none the sniff looks for); with several (a fake one in
    // a comment, a script or an attribute first), the sniff never decides by the words alone
    Set<String> ascii =
        whole.stream().filter(c -> c.matches("[a-z0-9_-]+")).collect(Collectors.toSet());
    if (!tag.anotherIn(page) && !tag.words().containsAll(ascii)) {
      out.add(
          name + ": jsoup's classes " + ascii + " not all among the tag's words " + tag.words());
    }
    Set<String> prefix = classes(parse(Arrays.copyOf(page, tag.end() + 1)));
    if (!prefix.isEmpty() && !prefix.equals(whole)) {
      out.add(name + ": parsed up to the tag " + prefix + " but the whole page " + whole);
    }
    return out;
  }

  @Test
  void readsWhatJsoupReadsOnTrickyMarkup() {
    List<String> diffs = new ArrayList<>();
    for (String page : TRICKY) {
      diffs.addAll(
          disagreements(
              page.getBytes(StandardCharsets.UTF_8),
              page.substring(0, Math.min(80, page.length()))));
    }
    assertEquals(List.of(), diffs);
  }

  @Test
  void readsWhatJsoupReadsOnTheRepositorysPages() throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(Path.of("import"))) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() >= 10, "pages under import/: " + pages.size());
    List<String> diffs = new ArrayList<>();
    int sniffed = 0;
    for (Path p : pages) {
      byte[] page = Files.readAllBytes(p);
      diffs.addAll(disagreements(page, p.toString()));
      if (BodyTag.first(page) != null) {
        sniffed++;
      }
    }
    assertEquals(List.of(), diffs);
    assertEquals(pages.size() - 1, sniffed, "every page of ours but the feed has a body tag");
  }

  @Test
  void findsTheFirstRealLookingBodyTagAndWhetherAnotherFollows() {
    byte[] page =
        ("<html><head></head><body class=\"home blog\" id=x>" + FILLER + "<body class=late>")
            .getBytes(StandardCharsets.UTF_8);
    BodyTag tag = BodyTag.first(page);
    assertNotNull(tag);
    assertEquals("<html><head></head>".length(), tag.start());
    assertEquals('>', (char) page[tag.end()]);
    assertTrue(tag.words().containsAll(Set.of("home", "blog", "class", "id", "x")));
    assertTrue(tag.anotherIn(page));
    byte[] one = ("<html><body>" + FILLER).getBytes(StandardCharsets.UTF_8);
    assertFalse(BodyTag.first(one).anotherIn(one));
    assertNull(BodyTag.first("<html><bodyx class=home>".getBytes(StandardCharsets.UTF_8)));
    assertNull(BodyTag.first("<html><body class=\"home".getBytes(StandardCharsets.UTF_8)));
    BodyTag quoted =
        BodyTag.first("<body data-x='a>b' class=single>x".getBytes(StandardCharsets.UTF_8));
    assertTrue(quoted.words().contains("single"), "a > in a quoted value does not end the tag");
  }
}

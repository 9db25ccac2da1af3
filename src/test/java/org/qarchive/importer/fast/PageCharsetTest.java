package org.qarchive.importer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.qarchive.SharedData;

class PageCharsetTest {

  private static final String FILLER = "<p>" + "words ".repeat(1000) + "</p>";

  @Test
  void agreesWithJsoupOnTrickyHeads() throws IOException {
    List<String> heads =
        List.of(
            "<html><head><meta charset=\"UTF-8\">",
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
            "<html><head><script charset=\"utf-8\" src=x></script><meta http-equiv=content-type content='text/html;charset=ISO-8859-1'>",
            "<html><head><!-- <meta charset=\"iso-8859-1\"> --><meta charset=utf-8>",
            "<html><head><!--> <meta charset=\"iso-8859-1\"> <!-- x --!> <meta charset=utf-8>",
            "<html><head><title><meta charset=iso-8859-1></title>",
            "<html><head><script>var s = '<meta charset=iso-8859-1>'</script>",
            "<html><head><script><!-- x('<meta charset=iso-8859-1>') --></script><meta charset=koi8-r>",
            "<html><head><script><!-- x('<script>') </script> <meta charset=iso-8859-1> </script><meta charset=koi8-r>",
            "<html><head><meta charset=\"bogus-charset\">",
            "<html><head><meta http-equiv=\"refresh\" content=\"0; charset=iso-8859-1\" charset=\"koi8-r\">",
            "<html><head><meta http-equiv=\"content-type\" content=\"text/html\" charset=\"koi8-r\">",
            "<html><head><meta CHARSET = 'iso-8859-2' charset=utf-8>",
            "<html><head><meta charset=\"iso-8859-1\"><meta charset=\"utf-8\">",
            "<html><head><meta content=\"text/html; charset=iso-8859-1\" http-equiv=\" content-type\">",
            "<html><head><meta charset=\"&#105;so-8859-1\">",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><head>",
            "<html><head></head><body>" + "x".repeat(5200) + "<meta charset=iso-8859-1>",
            "<html><head><meta name=x content=\"" + "y".repeat(5200) + "\" charset=iso-8859-1>",
            "<html><head><style>p{}</style><noscript><meta charset=iso-8859-1></noscript>",
            "\ufeff<html><head><meta charset=iso-8859-1>");
    for (String head : heads) {
      byte[] page =
          (head + "</head><body>" + FILLER + "</body></html>").getBytes(StandardCharsets.UTF_8);
      assertAgrees(page, head);
    }
  }

  @Test
  void leavesSmallPagesToJsoup() {
    assertNull(PageCharset.sniff("<meta charset=utf-8><p>x".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void agreesWithJsoupOnTheSampleArchiveAndTheBenchmarkPages() throws IOException {
    Path shared = SharedData.require("data/sample-archive").getParent().getParent();
    int sniffed = 0;
    int pages = 0;
    for (Path dir :
        List.of(
            shared.resolve("data/sample-archive"),
            shared.resolve("data/extraction/article-extraction-benchmark/html"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.toString().endsWith(".gz"))
            .forEach(files::add);
      }
      for (Path p : files) {
        byte[] page = Files.readAllBytes(p);
        pages++;
        if (assertAgrees(page, p.toString())) {
          sniffed++;
        }
      }
    }
    assumeTrue(pages > 100, "too few pages");
    assertTrue(sniffed > pages * 3 / 4, sniffed + " of " + pages + " sniffed");
  }

  /** Whether the sniffer answered; fails when its answer is not jsoup's. */
  private static boolean assertAgrees(byte[] page, String what) throws IOException {
    String sniffed = PageCharset.sniff(page);
    if (sniffed == null) {
      return false;
    }
    String jsoup =
        Jsoup.parse(new ByteArrayInputStream(page), null, "", Parser.htmlParser()).charset().name();
    assertEquals(jsoup, java.nio.charset.Charset.forName(sniffed).name(), what);
    return true;
  }
}

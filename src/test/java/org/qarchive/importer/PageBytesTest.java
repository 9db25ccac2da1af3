package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PageBytesTest {

  private static String why(byte[] b) {
    PageResult r = assertInstanceOf(PageBytes.NotHtml.class, PageBytes.read(b)).result();
    return r.kind() + ": " + r.reason();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void filesThatAreNoPageSayWhatTheyAre() {
    assertEquals("BROKEN: empty file", why(new byte[0]));
    assertEquals(
        "BROKEN: binary content (PNG), not a page", why(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertEquals(
        "BROKEN: text without HTML markup, not a page",
        why(bytes("Notes for the clinic:\n- ask about a < b\n")));
    assertEquals("FEED: RSS/Atom feed", why(bytes("<?xml version='1.0'?><rss><channel>")));
    assertEquals(
        "BROKEN: truncated page (no closing </body> or </html>)",
        why(bytes("<html><head><title>x</title></head><body><p>cut off")));
  }

  @Test
  void gzippedPagesAreReadAndUtf16PagesHaveMarkup() throws Exception {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(z)) {
      out.write(bytes("<html><body><p>Q: Why?</p></body></html>"));
    }
    PageBytes.Html html = assertInstanceOf(PageBytes.Html.class, PageBytes.read(z.toByteArray()));
    assertEquals("Q: Why?", html.parse(html.bytes().length).body().text());
    byte[] utf16 = "\uFEFF<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_16LE);
    assertInstanceOf(PageBytes.Html.class, PageBytes.read(utf16));
  }
}

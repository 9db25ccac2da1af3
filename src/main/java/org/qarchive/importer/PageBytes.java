package org.qarchive.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.qarchive.importer.fast.AsciiBytes;
import org.qarchive.importer.fast.PageCharset;

/**
 * The first stage of reading a file: its bytes become HTML to parse (gunzipped, its charset
 * sniffed), or the reason they are none (empty, too large, binary, truncated, a feed). Never throws
 * for bad input.
 */
final class PageBytes {

  /** Pages larger than this are skipped with a reason. */
  static final int MAX_PAGE_BYTES = 20 * 1024 * 1024;

  private PageBytes() {}

  /** What a file's bytes are. */
  sealed interface Read permits Html, NotHtml {}

  /**
   * A page to parse.
   *
   * @param charset the charset jsoup would detect, when the bytes tell it beyond doubt, else null
   */
  record Html(byte[] bytes, String charset) implements Read {

    /** The page parsed by jsoup up to {@code length} bytes. */
    Document parse(int length) {
      try {
        return Jsoup.parse(
            new ByteArrayInputStream(bytes, 0, length), charset, "", Parser.htmlParser());
      } catch (IOException e) {
        throw new UncheckedIOException("reading from memory cannot fail", e);
      }
    }
  }

  /** Bytes that are no HTML page, with what the page is (broken or a feed) and why. */
  record NotHtml(PageResult result) implements Read {}

  static Read read(byte[] bytes) {
    if (bytes.length == 0) {
      return new NotHtml(PageResult.broken("empty file"));
    }
    if (bytes.length > MAX_PAGE_BYTES) {
      return new NotHtml(
          PageResult.broken("larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB"));
    }
    if ((bytes[0] & 0xff) == 0x1f && (bytes[1 % bytes.length] & 0xff) == 0x8b) {
      try {
        return read(gunzip(bytes));
      } catch (EOFException e) {
        return new NotHtml(PageResult.broken("truncated gzip data"));
      } catch (IOException e) {
        return new NotHtml(PageResult.broken("unreadable gzip data: " + e.getMessage()));
      }
    }
    String binary = binaryKind(bytes);
    if (binary != null) {
      return new NotHtml(PageResult.broken("binary content (" + binary + "), not a page"));
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).strip();
    // lower-cased only when it starts as a feed may (most pages start with a doctype)
    String headLower =
        head.regionMatches(true, 0, "<?xml", 0, 5)
                || head.regionMatches(true, 0, "<rss", 0, 4)
                || head.regionMatches(true, 0, "<feed", 0, 5)
            ? head.toLowerCase(Locale.ROOT)
            : "";
    if ((headLower.startsWith("<?xml")
            || headLower.startsWith("<rss")
            || headLower.startsWith("<feed"))
        && (headLower.contains("<rss")
            || headLower.contains("<feed")
            || headLower.contains("<rdf:rdf"))) {
      return new NotHtml(PageResult.of(PageKind.FEED, null, null, "RSS/Atom feed"));
    }
    if (!hasMarkup(bytes)) {
      return new NotHtml(PageResult.broken("text without HTML markup, not a page"));
    }
    if (looksTruncated(bytes)) {
      return new NotHtml(PageResult.broken("truncated page (no closing </body> or </html>)"));
    }
    // the charset jsoup would detect, when the bytes tell it beyond doubt: jsoup would parse the
    // head twice
    return new Html(bytes, PageCharset.sniff(bytes));
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_PAGE_BYTES) {
          throw new ZipException(
              "decompresses to more than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB");
        }
      }
      return out.toByteArray();
    }
  }

  private static String binaryKind(byte[] b) {
    int n = Math.min(b.length, 2048);
    if (n >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "JPEG";
    }
    if (n >= 4 && b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "PNG";
    }
    if (n >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "GIF";
    }
    if (n >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
      return "PDF";
    }
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return "ZIP";
    }
    boolean utf16 =
        n >= 2
            && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe);
    if (utf16) {
      return null;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return "NUL bytes";
      }
      if (c < 9 || (c > 13 && c < 32)) {
        control++;
      }
    }
    return control * 10 > n ? "control characters" : null;
  }

  /** How far into a file a tag is looked for before it counts as text without markup. */
  private static final int MARKUP_REACH = 64 * 1024;

  /**
   * Whether the bytes hold a tag ({@code <a}, {@code </}, {@code <!}, {@code <?}) in their first 64
   * KB: every HTML page does, a note or a log does not.
   */
  private static boolean hasMarkup(byte[] b) {
    int n = Math.min(b.length, MARKUP_REACH) - 1;
    for (int i = 0; i < n; i++) {
      if (b[i] == '<') {
        int c = b[i + 1];
        if (c >= 'a' && c <= 'z'
            || c >= 'A' && c <= 'Z'
            || c == '/'
            || c == '!'
            || c == '?'
            || c == 0) { // UTF-16: a tag's letter follows as two bytes
          return true;
        }
      } else if (b[i] == 0 && b[i + 1] == '<') {
        return true; // UTF-16, big-endian
      }
    }
    return n < 0;
  }

  private static boolean looksTruncated(byte[] bytes) {
    // on the bytes: this runs for every page, and decoding head and tail to strings cost more than
    // the test
    int from = Math.max(0, bytes.length - 4096);
    // from the end backwards: the closing tags are usually in the last few bytes
    for (int i = bytes.length - 6; i >= from; i--) {
      if (bytes[i] == '<'
          && bytes[i + 1] == '/'
          && (AsciiBytes.startsWith(bytes, i + 2, "html")
              || AsciiBytes.startsWith(bytes, i + 2, "body"))) {
        return false;
      }
    }
    // Real pages sometimes omit both closing tags; only call it truncated when it looked like a
    // full document.
    int to = Math.min(bytes.length, 4096);
    return AsciiBytes.contains(bytes, 0, to, "<html") && AsciiBytes.contains(bytes, 0, to, "<head");
  }
}

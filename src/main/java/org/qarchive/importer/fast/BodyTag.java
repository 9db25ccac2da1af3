package org.qarchive.importer.fast;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A page's first {@code <body>} tag found in its bytes, for deciding about a page without parsing
 * it: the words of its attributes are what its class could say (a cheap gate), and the tag's end is
 * where jsoup can parse the page up to in order to read the classes exactly as a whole parse gives
 * them (later body tags only add attributes the first lacks).
 *
 * @param start where {@code <body} starts
 * @param end where the tag's {@code >} is
 * @param words the lower-cased words of the tag's bytes
 */
public record BodyTag(int start, int end, Set<String> words) {

  /** How far into a page a body tag is looked for. */
  private static final int REACH = 256 * 1024;

  /** The first body tag in the page's first 256 KB, or null when there is none or it never ends. */
  public static BodyTag first(byte[] b) {
    int lt = indexOfBodyTag(b, 0);
    int gt = lt < 0 ? -1 : tagEnd(b, lt + 5);
    if (gt < 0) {
      return null;
    }
    return new BodyTag(lt, gt, tagWords(b, lt + 5, gt));
  }

  /**
   * The {@code >} that ends the tag whose attributes start at {@code from}, as the HTML tokenizer
   * finds it: a quoted attribute value ({@code data-x='a>b'}) may hold one; -1 when the tag or a
   * quoted value never ends.
   */
  private static int tagEnd(byte[] b, int from) {
    boolean afterEquals = false;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c == '>') {
        return i;
      }
      if (afterEquals && (c == '"' || c == '\'')) {
        int close = AsciiBytes.indexOf(b, c, i + 1);
        if (close < 0) {
          return -1;
        }
        i = close;
        afterEquals = false;
      } else if (c == '=') {
        afterEquals = true;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        afterEquals = false;
      }
    }
    return -1;
  }

  /** Whether another body tag follows this one in the page's first 256 KB. */
  public boolean anotherIn(byte[] b) {
    return indexOfBodyTag(b, end) >= 0;
  }

  /** Where a {@code <body} tag starts at or after {@code from}, in the first 256 KB, or -1. */
  private static int indexOfBodyTag(byte[] b, int from) {
    int n = Math.min(b.length, REACH) - 5;
    for (int i = from; i < n; i++) {
      byte after = b[i + 5];
      if (b[i] == '<'
          && AsciiBytes.startsWith(b, i + 1, "body")
          && (after == ' '
              || after == '\t'
              || after == '\n'
              || after == '\r'
              || after == '\f'
              || after == '>'
              || after == '/')) {
        return i;
      }
    }
    return -1;
  }

  /** The words of a tag's bytes, lower-cased: what its attributes could say, for cheap gates. */
  private static Set<String> tagWords(byte[] b, int from, int to) {
    Set<String> words = new HashSet<>();
    int i = from;
    while (i < to) {
      while (i < to && !isWordByte(b[i])) {
        i++;
      }
      int start = i;
      while (i < to && isWordByte(b[i])) {
        i++;
      }
      if (i > start) {
        words.add(
            new String(b, start, i - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static boolean isWordByte(byte c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_';
  }
}

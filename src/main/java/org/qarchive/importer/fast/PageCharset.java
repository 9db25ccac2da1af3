package org.qarchive.importer.fast;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset jsoup would detect for a page, read from its bytes without parsing them: jsoup parses
 * the first 5,120 bytes of every longer page a first time only to find its {@code <meta charset>}
 * or {@code <meta http-equiv=content-type>}, then parses the page again from the start; that first
 * parse was a fifth of the import's parsing. This reads the same 5,120 bytes with the HTML
 * tokenizer's rules for tags, attributes, comments and raw text, and applies jsoup's rules to the
 * metas it finds. Whenever the bytes leave any doubt (a byte-order mark, an XML declaration, a
 * character reference inside a meta, metas that disagree, markup that can drop or move a meta) it
 * answers null and jsoup detects the charset itself. {@code PageCharsetTest} checks it against
 * jsoup's own answer.
 */
public final class PageCharset {

  /** How much jsoup reads for its first parse (DataUtil's firstReadBufferSize). */
  static final int JSOUP_FIRST_READ = 5120;

  // DataUtil.charsetPattern
  private static final Pattern CONTENT_TYPE_CHARSET =
      Pattern.compile("(?i)\\bcharset=\\s*(?:[\"'])?([^\\s,;\"']*)");

  private PageCharset() {}

  /**
   * The name of the charset jsoup would decode the page with, or null when only jsoup's own
   * detection can tell (or when it would not parse twice: pages of at most {@link
   * #JSOUP_FIRST_READ} bytes).
   */
  public static String sniff(byte[] b) {
    if (b.length <= JSOUP_FIRST_READ || hasBom(b)) {
      return null;
    }
    Scan scan = new Scan(b, JSOUP_FIRST_READ);
    if (!scan.run()) {
      return null;
    }
    String found = validate(scan.found);
    if (found == null || found.equalsIgnoreCase("UTF-8")) {
      return StandardCharsets.UTF_8.name();
    }
    return found.trim().replaceAll("[\"']", "");
  }

  private static boolean hasBom(byte[] b) {
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    return b0 == 0xef || b0 == 0xfe || b0 == 0xff || b0 == 0 && b1 == 0;
  }

  /** DataUtil.validateCharset. */
  private static String validate(String cs) {
    if (cs == null || cs.isEmpty()) {
      return null;
    }
    cs = cs.trim().replaceAll("[\"']", "");
    try {
      if (Charset.isSupported(cs)) {
        return cs;
      }
      cs = cs.toUpperCase(Locale.ENGLISH);
      if (Charset.isSupported(cs)) {
        return cs;
      }
    } catch (IllegalCharsetNameException e) {
      // not a charset name
    }
    return null;
  }

  /** DataUtil.getCharsetFromContentType. */
  private static String fromContentType(String contentType) {
    Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
    if (m.find()) {
      return validate(m.group(1).trim().replace("charset=", ""));
    }
    return null;
  }

  /**
   * A walk over the first bytes with the HTML tokenizer's rules, collecting what the metas declare.
   */
  private static final class Scan {
    private final byte[] b;
    private final int end;
    private int i;

    /**
     * What every meta that declares a charset declares (they must agree), or null when none does.
     */
    String found;

    Scan(byte[] b, int end) {
      this.b = b;
      this.end = end;
    }

    /** False when the bytes leave any doubt. */
    boolean run() {
      while (i < end) {
        if (b[i] != '<') {
          i++;
          continue;
        }
        if (i + 1 >= end) {
          return true;
        }
        byte c = b[i + 1];
        if (c == '!') {
          if (!markupDeclaration()) {
            return true; // an unclosed comment runs to the end
          }
        } else if (c == '?') {
          return false; // an XML declaration names its own encoding
        } else if (c == '/') {
          if (i + 2 < end && isAsciiLetter(b[i + 2])) {
            i += 2;
            if (tag(false) == CUT_OFF) {
              return true;
            }
          } else if (!skipPast('>')) {
            return true;
          }
        } else if (isAsciiLetter(c)) {
          i++;
          int t = tag(true);
          if (t == CUT_OFF) {
            return true; // a tag cut off by the end is dropped, and nothing follows it
          }
          if (t == DOUBT) {
            return false;
          }
        } else {
          i++;
        }
      }
      return true;
    }

    /** After {@code <!}: a comment, a doctype or a bogus comment; false when it runs to the end. */
    private boolean markupDeclaration() {
      if (startsWith(i + 2, "--")) {
        int j = i + 4;
        if (j < end && b[j] == '>') {
          i = j + 1;
          return true;
        }
        if (j + 1 < end && b[j] == '-' && b[j + 1] == '>') {
          i = j + 2;
          return true;
        }
        for (; j < end; j++) {
          if (b[j] == '-' && startsWith(j, "-->")) {
            i = j + 3;
            return true;
          }
          if (b[j] == '-' && startsWith(j, "--!>")) {
            i = j + 4;
            return true;
          }
        }
        return false;
      }
      i += 2;
      return skipPast('>');
    }

    private boolean skipPast(char c) {
      while (i < end && b[i] != c) {
        i++;
      }
      if (i >= end) {
        return false;
      }
      i++;
      return true;
    }

    /** What {@link #tag} found. */
    private static final int CUT_OFF = 0;

    private static final int DOUBT = 1;
    private static final int OK = 2;

    private static final List<String> RAW_TEXT =
        List.of("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes");
    // these can swallow, drop or move a meta
    private static final List<String> DOUBTFUL =
        List.of("plaintext", "select", "frameset", "svg", "math", "template");

    /**
     * A tag from its name on: {@link #CUT_OFF} when the end cuts it off (jsoup drops it) or the raw
     * text after it runs to the end, {@link #DOUBT} for markup that leaves doubt, else {@link #OK}.
     * Allocates only for metas.
     */
    private int tag(boolean start) {
      int nameStart = i;
      while (i < end && !isSpace(b[i]) && b[i] != '/' && b[i] != '>') {
        i++;
      }
      int nameEnd = i;
      boolean meta = start && is(nameStart, nameEnd, "meta");
      String httpEquiv = null;
      String content = null;
      String charset = null;
      boolean hasHttpEquiv = false;
      boolean hasContent = false;
      boolean hasCharset = false;
      while (true) {
        while (i < end && (isSpace(b[i]) || b[i] == '/')) {
          i++;
        }
        if (i >= end) {
          return CUT_OFF;
        }
        if (b[i] == '>') {
          i++;
          break;
        }
        int attrStart = i;
        i++; // the first character belongs to the name, even '='
        while (i < end && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '=') {
          i++;
        }
        int attrEnd = i;
        while (i < end && isSpace(b[i])) {
          i++;
        }
        int valueStart = i;
        int valueEnd = i;
        if (i < end && b[i] == '=') {
          i++;
          while (i < end && isSpace(b[i])) {
            i++;
          }
          if (i >= end) {
            return CUT_OFF;
          }
          if (b[i] == '"' || b[i] == '\'') {
            byte q = b[i++];
            valueStart = i;
            while (i < end && b[i] != q) {
              i++;
            }
            if (i >= end) {
              return CUT_OFF;
            }
            valueEnd = i;
            i++;
          } else {
            valueStart = i;
            while (i < end && !isSpace(b[i]) && b[i] != '>') {
              i++;
            }
            valueEnd = i;
          }
        }
        // the first of repeated attributes counts
        if (meta) {
          if (!hasHttpEquiv && is(attrStart, attrEnd, "http-equiv")) {
            hasHttpEquiv = true;
            httpEquiv = ascii(valueStart, valueEnd);
          } else if (!hasContent && is(attrStart, attrEnd, "content")) {
            hasContent = true;
            content = ascii(valueStart, valueEnd);
          } else if (!hasCharset && is(attrStart, attrEnd, "charset")) {
            hasCharset = true;
            charset = ascii(valueStart, valueEnd);
          }
        }
      }
      if (!start) {
        return OK;
      }
      if (meta) {
        if (hasHttpEquiv && !plain(httpEquiv) || hasCharset && !plain(charset)) {
          return DOUBT; // a character reference or a non-ASCII byte: the value is not what the
          // bytes say
        }
        // meta[http-equiv=content-type], meta[charset], as DataUtil.detectCharset reads them
        if (hasHttpEquiv && httpEquiv.equalsIgnoreCase("content-type") || hasCharset) {
          if (hasHttpEquiv && hasContent && !plain(content)) {
            return DOUBT;
          }
          String cs = null;
          if (hasHttpEquiv) {
            cs = fromContentType(hasContent ? content : "");
          }
          if (cs == null && hasCharset) {
            cs = charset;
          }
          if (cs != null) {
            if (found != null && !found.equals(cs)) {
              return DOUBT; // which one jsoup takes depends on the tree it builds
            }
            found = cs;
          }
        }
        return OK;
      }
      for (String raw : RAW_TEXT) {
        if (is(nameStart, nameEnd, raw)) {
          int close = rawTextEnd(raw);
          if (close < 0) {
            return CUT_OFF;
          }
          if (raw.equals("script") && doubleEscaped(i, close)) {
            return DOUBT; // "<!-- <script>" in a script: its first "</script>" does not end it
          }
          i = close;
          return OK;
        }
      }
      for (String d : DOUBTFUL) {
        if (is(nameStart, nameEnd, d)) {
          return DOUBT;
        }
      }
      return OK;
    }

    /** Whether the bytes from..to are the lower-case name, ignoring ASCII case. */
    private boolean is(int from, int to, String lower) {
      return to - from == lower.length() && startsWithIgnoreCase(from, lower);
    }

    /** Where {@code </name} (followed by a space, '/' or '>') starts, or -1 before the end. */
    private int rawTextEnd(String name) {
      for (int j = i; j + 2 + name.length() < end; j++) {
        if (b[j] == '<' && b[j + 1] == '/' && startsWithIgnoreCase(j + 2, name)) {
          byte after = b[j + 2 + name.length()];
          if (isSpace(after) || after == '/' || after == '>') {
            return j;
          }
        }
      }
      return -1;
    }

    private boolean startsWith(int at, String s) {
      if (at + s.length() > end) {
        return false;
      }
      for (int k = 0; k < s.length(); k++) {
        if (b[at + k] != s.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private boolean startsWithIgnoreCase(int at, String lower) {
      return at + lower.length() <= end && AsciiBytes.startsWith(b, at, lower);
    }

    private boolean doubleEscaped(int from, int to) {
      for (int j = from; j + 4 <= to; j++) {
        if (startsWith(j, "<!--")) {
          for (int k = j + 4; k + 7 <= to; k++) {
            if (b[k] == '<' && startsWithIgnoreCase(k + 1, "script")) {
              return true;
            }
          }
          return false;
        }
      }
      return false;
    }

    private String ascii(int from, int to) {
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether the value reads the same decoded as UTF-8 and with character references resolved. */
  private static boolean plain(String value) {
    for (int k = 0; k < value.length(); k++) {
      char ch = value.charAt(k);
      if (ch == '&' || ch > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}

package org.qarchive.search;

/** HTML escaping for text we did not write. */
public final class Html {

  private Html() {}

  /** Escapes {@code s} for use in HTML text and quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escapeTo(sb, s, 0, s.length());
    return sb.toString();
  }

  /** Appends {@code s[from, to)} to {@code sb}, escaped. */
  public static void escapeTo(StringBuilder sb, CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\u0000' -> sb.append('\uFFFD');
        default -> sb.append(c);
      }
    }
  }
}

package org.qarchive.cli;

import org.jsoup.parser.Parser;

/**
 * Turns highlighted HTML snippets into terminal text: matches in bold when on a terminal, else in
 * [brackets].
 */
final class Terminal {

  private Terminal() {}

  static String marks(String snippetHtml) {
    boolean tty = System.console() != null && System.getenv("NO_COLOR") == null;
    String open = tty ? "\u001b[1m" : "[";
    String close = tty ? "\u001b[0m" : "]";
    String text = snippetHtml.replace("<mark>", "\u0001").replace("</mark>", "\u0002");
    text = Parser.unescapeEntities(text, false);
    // strip terminal control characters from archived text before adding our own
    text = text.replaceAll("[\\p{Cntrl}&&[^\u0001\u0002]]", " ");
    return text.replace("\u0001", open).replace("\u0002", close);
  }
}

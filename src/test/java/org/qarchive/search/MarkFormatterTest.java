package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class MarkFormatterTest {

  private static Passage passage(int start, int end, int... matches) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    for (int i = 0; i < matches.length; i += 2) {
      p.addMatch(matches[i], matches[i + 1], new BytesRef("x"), 1);
    }
    return p;
  }

  @Test
  void aVeryLongSentenceIsCutToAWindowAroundItsMatchAtWordBoundaries() {
    String filler = "word ".repeat(200);
    String text = filler + "the <b>scar</b> fades " + filler;
    int at = text.indexOf("scar");
    String html =
        new MarkFormatter(MarkFormatter.MAX_PASSAGE_CHARS)
            .format(new Passage[] {passage(0, text.length(), at, at + 4)}, text);
    assertTrue(html.contains("&lt;b&gt;<mark>scar</mark>&lt;/b&gt;"), html);
    assertTrue(html.startsWith("… word") && html.endsWith("word …"), html);
    assertTrue(html.length() < MarkFormatter.MAX_PASSAGE_CHARS + 60, html.length() + ": " + html);
  }

  @Test
  void shortPassagesAreKeptWholeAndEscaped() {
    String text = "Is it safe? Fillers & \"quotes\" <i>are</i> fine.";
    int at = text.indexOf("Fillers");
    String html =
        new MarkFormatter(MarkFormatter.MAX_PASSAGE_CHARS)
            .format(new Passage[] {passage(12, text.length(), at, at + 7)}, text);
    assertEquals(
        "… <mark>Fillers</mark> &amp; &quot;quotes&quot; &lt;i&gt;are&lt;/i&gt; fine.", html);
  }
}

package org.qarchive.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;

/**
 * A field's snippet that carries content: a passage that is only a greeting or a sign-off ("Hi Dr.
 * Kane,", "Thank you!") is never chosen, whether it holds a match or the field holds none (then the
 * first sentences with content stand for the field).
 */
final class SnippetFieldHighlighter extends FieldHighlighter {

  private String content = "";

  SnippetFieldHighlighter(
      String field,
      FieldOffsetStrategy offsets,
      BreakIterator sentences,
      PassageScorer scorer,
      int maxPassages,
      int maxNoHighlightPassages,
      PassageFormatter formatter,
      Comparator<Passage> order) {
    super(field, offsets, sentences, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
  }

  @Override
  public Object highlightFieldForDoc(LeafReader reader, int docId, String content)
      throws IOException {
    this.content = content == null ? "" : content;
    return super.highlightFieldForDoc(reader, docId, content);
  }

  @Override
  protected Passage[] highlightOffsetsEnums(OffsetsEnum off) throws IOException {
    Passage[] chosen = super.highlightOffsetsEnums(off);
    List<Passage> kept = new ArrayList<>(chosen.length);
    for (Passage p : chosen) {
      if (!smallTalk(p)) {
        kept.add(p);
      }
    }
    if (kept.isEmpty() && chosen.length > 0) {
      // the only matches stood in a greeting: show the field's first content instead
      return getSummaryPassagesNoHighlight(Math.max(1, maxNoHighlightPassages));
    }
    return kept.toArray(new Passage[0]);
  }

  @Override
  protected Passage[] getSummaryPassagesNoHighlight(int maxPassages) {
    List<Passage> out = new ArrayList<>(maxPassages);
    int start = breakIterator.first();
    for (int end = breakIterator.next();
        end != BreakIterator.DONE && out.size() < maxPassages;
        start = end, end = breakIterator.next()) {
      if (end <= start || end > content.length()) {
        continue;
      }
      if (SnippetSentences.isSmallTalk(content.substring(start, end))) {
        continue;
      }
      Passage p = new Passage();
      p.setStartOffset(start);
      p.setEndOffset(end);
      out.add(p);
    }
    return out.toArray(new Passage[0]);
  }

  private boolean smallTalk(Passage p) {
    int start = Math.max(0, p.getStartOffset());
    int end = Math.min(content.length(), p.getEndOffset());
    return end > start && SnippetSentences.isSmallTalk(content.substring(start, end));
  }
}

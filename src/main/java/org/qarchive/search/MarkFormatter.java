package org.qarchive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as safe HTML: every character of the stored text is escaped, and only the
 * {@code <mark>} tags around matches are markup. Passages are joined with an ellipsis.
 */
final class MarkFormatter extends PassageFormatter {

  private static final String ELLIPSIS = " … ";

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Passage passage : passages) {
      if (passage.getStartOffset() > pos && pos > 0 || (pos == 0 && passage.getStartOffset() > 0)) {
        sb.append(ELLIPSIS);
      }
      pos = passage.getStartOffset();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int start = passage.getMatchStarts()[i];
        int end = passage.getMatchEnds()[i];
        if (start < pos) {
          // overlapping matches (a synonym over a phrase): extend the previous mark instead of nesting
          if (end > pos) {
            int closeAt = sb.lastIndexOf("</mark>");
            sb.setLength(closeAt);
            Html.escapeTo(sb, content, pos, end);
            sb.append("</mark>");
            pos = end;
          }
          continue;
        }
        Html.escapeTo(sb, content, pos, start);
        sb.append("<mark>");
        Html.escapeTo(sb, content, start, end);
        sb.append("</mark>");
        pos = end;
      }
      Html.escapeTo(sb, content, pos, passage.getEndOffset());
      pos = passage.getEndOffset();
    }
    if (pos < content.length() && passages.length > 0) {
      sb.append(ELLIPSIS);
    }
    return sb.toString().strip();
  }
}

package org.qarchive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as safe HTML: every character of the stored text is escaped, and
 * only the {@code <mark>} tags around matches are markup. Passages are joined with an ellipsis; a
 * passage (a sentence) longer than the cap is cut to a window around its first match, at word
 * boundaries.
 */
final class MarkFormatter extends PassageFormatter {

  /** The longest passage shown in a snippet, in characters. */
  static final int MAX_PASSAGE_CHARS = 320;

  private static final String ELLIPSIS = " … ";

  private final int maxPassageChars;

  /** Whole passages, however long (for marking a whole entry). */
  MarkFormatter() {
    this(Integer.MAX_VALUE);
  }

  /** Passages cut to at most {@code maxPassageChars} characters. */
  MarkFormatter(int maxPassageChars) {
    this.maxPassageChars = maxPassageChars;
  }

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Passage passage : passages) {
      int start = passage.getStartOffset();
      int end = passage.getEndOffset();
      if (end - start > maxPassageChars) {
        int anchor = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
        start =
            wordStart(
                content, Math.max(start, anchor - maxPassageChars / 4), passage.getStartOffset());
        end = wordEnd(content, Math.min(end, start + maxPassageChars), start);
      }
      if (start > pos && pos > 0 || (pos == 0 && start > 0)) {
        sb.append(ELLIPSIS);
      }
      pos = start;
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int mStart = passage.getMatchStarts()[i];
        int mEnd = Math.min(passage.getMatchEnds()[i], end);
        if (mStart >= end || mEnd <= start) {
          continue;
        }
        if (mStart < pos) {
          // overlapping matches (a synonym over a phrase): extend the previous mark instead of
          // nesting
          if (mEnd > pos) {
            int closeAt = sb.lastIndexOf("</mark>");
            sb.setLength(closeAt);
            Html.escapeTo(sb, content, pos, mEnd);
            sb.append("</mark>");
            pos = mEnd;
          }
          continue;
        }
        Html.escapeTo(sb, content, pos, mStart);
        sb.append("<mark>");
        Html.escapeTo(sb, content, mStart, mEnd);
        sb.append("</mark>");
        pos = mEnd;
      }
      Html.escapeTo(sb, content, pos, end);
      pos = end;
    }
    if (pos < content.length() && passages.length > 0) {
      sb.append(ELLIPSIS);
    }
    return sb.toString().strip();
  }

  /** The start of the word at {@code at}, not before {@code floor}. */
  private static int wordStart(String s, int at, int floor) {
    int i = at;
    while (i > floor && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** The end of the last whole word before {@code at}, not before {@code floor}. */
  private static int wordEnd(String s, int at, int floor) {
    if (at >= s.length()) {
      return s.length();
    }
    int i = at;
    while (i > floor && !Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    return i > floor ? i : at;
  }
}

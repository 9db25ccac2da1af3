package org.qarchive.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The words of one entry's text fields as the tokenizer cut them, caught while those fields are indexed, so that the
 * spelling field replays them instead of tokenizing the same text a second time (tokenizing was a tenth of indexing).
 *
 * <p>The spelling field of an entry tokenizes title, question and answer joined by newlines; a newline always ends a
 * word, so its words are exactly the three fields' words in order. Not thread-safe: one document at a time, from
 * {@link #clear} to the end of {@link #words}.
 */
final class SpellingTap {

  private char[] chars = new char[8192];
  private int[] ends = new int[1024];
  private int count;
  private final TokenStream words = Analysis.spellingFilters(new Replay());

  /** Forgets the words caught so far: call before each document. */
  void clear() {
    count = 0;
  }

  /** A filter that passes {@code in} through unchanged and catches each of its words. */
  TokenFilter catching(TokenStream in) {
    return new Catch(in);
  }

  /**
   * The caught words as the spelling field indexes them (see {@link Analysis#spellingFilters}). The stream is read when
   * the document is indexed, after the text fields; it is the same object each time.
   */
  TokenStream words() {
    return words;
  }

  private void add(char[] term, int length) {
    int start = count == 0 ? 0 : ends[count - 1];
    chars = ArrayUtil.grow(chars, start + length);
    System.arraycopy(term, 0, chars, start, length);
    ends = ArrayUtil.grow(ends, count + 1);
    ends[count++] = start + length;
  }

  private final class Catch extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    Catch(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      add(term.buffer(), term.length());
      return true;
    }
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int next;

    @Override
    public boolean incrementToken() {
      if (next == count) {
        return false;
      }
      clearAttributes();
      int start = next == 0 ? 0 : ends[next - 1];
      term.copyBuffer(chars, start, ends[next] - start);
      next++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}

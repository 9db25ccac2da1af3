package org.qarchive.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The words of one entry's text fields as the tokenizer cut them, caught while those fields are
 * indexed, so that the spelling field replays them instead of tokenizing the same text a second
 * time (tokenizing was a tenth of indexing).
 *
 * <p>The spelling field of an entry tokenizes title, question and answer joined by newlines; a
 * newline always ends a word, so its words are exactly the three fields' words in order; the field
 * records only which entries hold a word, so each word is replayed once. Not thread-safe: one
 * document at a time, from {@link #clear} to the end of {@link #words}.
 */
final class SpellingTap {

  private char[] chars = new char[8192];
  private int[] ends = new int[1024];
  private int count;
  private final TokenStream words = Analysis.spellingFilters(new Replay());

  /**
   * The caught words by hash: slot to word number, valid where the slot's stamp is the current one.
   */
  private int[] seen = new int[2048];

  private int[] seenStamp = new int[2048];
  private int stamp = 1;

  /** Forgets the words caught so far: call before each document. */
  void clear() {
    count = 0;
    if (++stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(seenStamp, 0);
      stamp = 1;
    }
  }

  /** Where word {@code w} starts in {@link #chars}. */
  private int start(int w) {
    return w == 0 ? 0 : ends[w - 1];
  }

  private static int hash(char[] a, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + a[i];
    }
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /** The slot that holds the word {@code term[from, to)}, or the free slot where it goes. */
  private int slotOf(char[] term, int from, int to) {
    int mask = seen.length - 1;
    int slot = hash(term, from, to) & mask;
    while (seenStamp[slot] == stamp
        && !java.util.Arrays.equals(chars, start(seen[slot]), ends[seen[slot]], term, from, to)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Doubles the table and puts the words caught so far back in. */
  private void rehash() {
    seen = new int[seen.length * 2];
    seenStamp = new int[seen.length];
    for (int w = 0; w < count; w++) {
      int slot = slotOf(chars, start(w), ends[w]);
      seen[slot] = w;
      seenStamp[slot] = stamp;
    }
  }

  /** A filter that passes {@code in} through unchanged and catches each of its words. */
  TokenFilter catching(TokenStream in) {
    return new Catch(in);
  }

  /**
   * The caught words as the spelling field indexes them (see {@link Analysis#spellingFilters}). The
   * stream is read when the document is indexed, after the text fields; it is the same object each
   * time.
   */
  TokenStream words() {
    return words;
  }

  private void add(char[] term, int length) {
    // a word the entry already had adds nothing to a field that only records which entries hold a
    // word: each word is
    // caught once, so the spelling field inverts the entry's distinct words (about a third of its
    // words)
    if (seen.length < 2 * (count + 1)) {
      rehash();
    }
    int slot = slotOf(term, 0, length);
    if (seenStamp[slot] == stamp) {
      return;
    }
    seen[slot] = count;
    seenStamp[slot] = stamp;
    int start = start(count);
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
      int start = start(next);
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

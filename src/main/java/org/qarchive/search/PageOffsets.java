package org.qarchive.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * Term offsets from the postings, as Lucene's {@link PostingsOffsetStrategy} reads them, for the
 * entries of one page taken in increasing order (as the highlighter takes them): each query term is
 * looked up once per segment and walked along the page with a document-only cursor, and offsets are
 * read only for the entries that hold it. Lucene's own strategy looks every term up again and opens
 * its offsets for every entry, though most of a long question's words are in few of them: that was
 * half of marking a page's snippets. The snippets are the same either way ({@code
 * PageOffsetsTest}).
 */
final class PageOffsets extends PostingsOffsetStrategy {

  /** The segment's terms the cursors below were made for; null before the first entry. */
  private Terms segment;

  private TermState[] states;
  private PostingsEnum[] cursors;
  private int lastDoc = -1;

  PageOffsets(UHComponents components) {
    super(components);
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] sourceTerms, Terms termsIndex, int doc, List<OffsetsEnum> results)
      throws IOException {
    if (termsIndex != segment || doc <= lastDoc) {
      // a new segment, or entries out of order (not how the highlighter asks): look up afresh
      open(sourceTerms, termsIndex);
    }
    lastDoc = doc;
    TermsEnum terms = termsIndex.iterator();
    for (int i = 0; i < sourceTerms.length; i++) {
      PostingsEnum cursor = cursors[i];
      if (cursor == null) {
        continue;
      }
      if (cursor.docID() < doc) {
        cursor.advance(doc);
      }
      if (cursor.docID() != doc) {
        continue;
      }
      terms.seekExact(sourceTerms[i], states[i]);
      PostingsEnum offsets = terms.postings(null, PostingsEnum.OFFSETS);
      if (offsets == null) {
        throw new IllegalStateException(
            "field " + getField() + " was indexed without offsets, cannot highlight");
      }
      if (offsets.advance(doc) == doc) {
        results.add(new OffsetsEnum.OfPostings(sourceTerms[i], offsets));
      }
    }
  }

  private void open(BytesRef[] sourceTerms, Terms termsIndex) throws IOException {
    segment = termsIndex;
    lastDoc = -1;
    states = new TermState[sourceTerms.length];
    cursors = new PostingsEnum[sourceTerms.length];
    TermsEnum terms = termsIndex.iterator();
    for (int i = 0; i < sourceTerms.length; i++) {
      if (terms.seekExact(sourceTerms[i])) {
        states[i] = terms.termState();
        cursors[i] = terms.postings(null, PostingsEnum.NONE);
      }
    }
  }
}

package org.qarchive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's passage scoring (BM25 over the passage, as {@link PassageScorer} does it)
 * without its per-passage {@code BytesRefHash}: that hash allocates a 32 KB block for every passage
 * considered, a third of all the memory a search allocated. A passage holds a handful of matches,
 * so equal terms are found by a linear scan; the terms are summed in the same order, so the scores
 * are the same.
 */
final class LeanPassageScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // distinct terms in order of first appearance: their first match's index, and their count in
    // the passage
    int[] first = new int[matches];
    int[] inPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int k = 0;
      while (k < distinct && !terms[first[k]].equals(terms[i])) {
        k++;
      }
      if (k == distinct) {
        first[distinct++] = i;
      }
      inPassage[k]++;
    }
    double score = 0;
    for (int k = 0; k < distinct; k++) {
      score += tf(inPassage[k], passage.getLength()) * weight(contentLength, freqsInDoc[first[k]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}

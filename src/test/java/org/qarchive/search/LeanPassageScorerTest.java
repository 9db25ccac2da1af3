package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {

  @Test
  void scoresEveryPassageExactlyAsLucenesScorerDoes() {
    Random random = new Random(3);
    PassageScorer lucene = new PassageScorer();
    PassageScorer lean = new LeanPassageScorer();
    String[] words = {"botox", "brow", "heavy", "forehead", "droop", "weeks"};
    for (int n = 0; n < 5_000; n++) {
      Passage p = new Passage();
      int start = random.nextInt(2_000);
      int matches = random.nextInt(8);
      p.setStartOffset(start);
      p.setEndOffset(start + 40 * matches + 1 + random.nextInt(200));
      int at = start;
      for (int i = 0; i < matches; i++) {
        at += 1 + random.nextInt(30);
        String w = words[random.nextInt(words.length)];
        // a term's frequency in the document is the same for each of its matches
        p.addMatch(at, at + w.length(), new BytesRef(w), 1 + Math.floorMod(w.hashCode(), 7));
      }
      int contentLength = p.getEndOffset() + random.nextInt(5_000);
      assertEquals(lucene.score(p, contentLength), lean.score(p, contentLength), 0f, p.toString());
    }
  }
}

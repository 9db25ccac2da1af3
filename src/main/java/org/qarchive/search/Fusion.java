package org.qarchive.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuses the lexical ranking with nearness in meaning: each candidate's lexical score is divided by
 * the best one's, its cosine similarity is taken as it is (below 0 as 0), and the fused score is
 * their weighted sum. Entries found only by meaning join the candidates when they are near enough;
 * for a keyword query (one or two words that must all match) only when they are close, so a rare
 * word, a drug name or a corrected typo is not drowned by vaguely similar answers.
 *
 * <p>Each fused candidate keeps both of its signals, so that how well an answer matches can be read
 * from them (see {@link Candidate}).
 */
final class Fusion {

  /** Lexical candidates fused: the page needs at most 5,000, and past 100 the order is lexical. */
  static final int LEXICAL_DEPTH = 100;

  /** Entries asked of the nearest-neighbour search. */
  static final int NEIGHBOURS = 50;

  private Fusion() {}

  /**
   * The fusion's settings, tuned on the MEDIQA dev set (see docs/search.md).
   *
   * @param lexicalWeight the lexical score's share of the fused score (the meaning's is the rest)
   * @param meaningFloor the least cosine similarity for an entry found by meaning only
   * @param keywordFloor the same for a keyword query
   */
  record Weights(float lexicalWeight, float meaningFloor, float keywordFloor) {
    static final Weights DEFAULT = new Weights(0.3f, 0.40f, 0.5f);

    /** The least similarity for an entry found by meaning only, for this kind of query. */
    float floor(boolean keywords) {
      return keywords ? keywordFloor : meaningFloor;
    }

    Weights {
      if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) {
        throw new IllegalArgumentException("lexicalWeight must be in [0, 1]");
      }
    }
  }

  /**
   * One fused entry.
   *
   * @param doc the Lucene document
   * @param lexical its lexical score, or NaN when it is not among the lexical candidates
   * @param words whether it matches the query's words at all (else it was found by meaning only)
   * @param cosine the cosine similarity of its vector to the query's, or NaN without a vector
   * @param fused the fused score, 0..1
   */
  record Candidate(int doc, float lexical, boolean words, float cosine, float fused) {}

  /** The candidates in fused order, best first; ties in document order. */
  static List<Candidate> fuse(List<Candidate> candidates, Weights weights) {
    float lexMax = 0;
    for (Candidate c : candidates) {
      if (!Float.isNaN(c.lexical())) {
        lexMax = Math.max(lexMax, c.lexical());
      }
    }
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      float lex = Float.isNaN(c.lexical()) || lexMax <= 0 ? 0 : c.lexical() / lexMax;
      float cos = Float.isNaN(c.cosine()) ? 0 : Math.max(0, c.cosine());
      float fused = weights.lexicalWeight() * lex + (1 - weights.lexicalWeight()) * cos;
      out.add(new Candidate(c.doc(), c.lexical(), c.words(), c.cosine(), fused));
    }
    out.sort(
        Comparator.comparingDouble((Candidate c) -> -c.fused()).thenComparingInt(Candidate::doc));
    return out;
  }
}

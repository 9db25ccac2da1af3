package org.qarchive.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fuses the lexical ranking with nearness in meaning: each candidate's lexical score and cosine
 * similarity are scaled to 0..1 over the candidates (min-max), and the fused score is their
 * weighted sum. Entries found only by meaning join the candidates when they are near enough; a
 * keyword query (one or two words that must all match) keeps the entries holding its words first,
 * so a rare word, a drug name or a corrected typo is not drowned by vaguely similar answers.
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
   */
  record Weights(float lexicalWeight, float meaningFloor) {
    static final Weights DEFAULT = new Weights(0.5f, 0.40f);

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

  /**
   * The candidates in fused order, best first; ties in document order. {@code keywords}: entries
   * that match the words come before those found by meaning only.
   */
  static List<Candidate> fuse(List<Candidate> candidates, boolean keywords, Weights weights) {
    float lexMin = Float.POSITIVE_INFINITY;
    float lexMax = Float.NEGATIVE_INFINITY;
    float cosMin = Float.POSITIVE_INFINITY;
    float cosMax = Float.NEGATIVE_INFINITY;
    for (Candidate c : candidates) {
      if (!Float.isNaN(c.lexical())) {
        lexMin = Math.min(lexMin, c.lexical());
        lexMax = Math.max(lexMax, c.lexical());
      }
      if (!Float.isNaN(c.cosine())) {
        cosMin = Math.min(cosMin, c.cosine());
        cosMax = Math.max(cosMax, c.cosine());
      }
    }
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      float lex = scaled(c.lexical(), lexMin, lexMax);
      float cos = scaled(c.cosine(), cosMin, cosMax);
      float fused = weights.lexicalWeight() * lex + (1 - weights.lexicalWeight()) * cos;
      out.add(new Candidate(c.doc(), c.lexical(), c.words(), c.cosine(), fused));
    }
    Comparator<Candidate> order =
        Comparator.comparingDouble((Candidate c) -> -c.fused()).thenComparingInt(Candidate::doc);
    if (keywords) {
      order = Comparator.comparing((Candidate c) -> !c.words()).thenComparing(order);
    }
    out.sort(order);
    return out;
  }

  /** {@code v} scaled to 0..1 between min and max (1 when they are equal); 0 for NaN. */
  private static float scaled(float v, float min, float max) {
    if (Float.isNaN(v)) {
      return 0;
    }
    return max > min ? (v - min) / (max - min) : 1;
  }
}

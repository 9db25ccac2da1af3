package org.qarchive.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qarchive.embedding.Embedder;

/**
 * Fuses the lexical ranking with nearness in meaning: each candidate's lexical score is divided by
 * the best one's, its cosine similarity is taken as it is (below 0 as 0), and the fused score is
 * their weighted sum. Entries found only by meaning join the candidates when they are near enough;
 * for a keyword query (one or two words that must all match) only when they are close, so a rare
 * word, a drug name or a corrected typo is not drowned by vaguely similar answers.
 *
 * <p>The ranking is then fused once more, with the query's vector moved toward the answers it put
 * first ({@link #feedback}).
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
   * @param feedbackWeight how far the query's vector moves toward its best answers' before the
   *     ranking is fused again (their mean's weight beside the query's 1; 0: no second fusion)
   * @param feedbackAnswers how many of the first fused ranking's answers it moves toward
   */
  record Weights(
      float lexicalWeight,
      float meaningFloor,
      float keywordFloor,
      float feedbackWeight,
      int feedbackAnswers) {
    static final Weights DEFAULT = new Weights(0.3f, 0.40f, 0.5f, 0.3f, 5);

    /** The least similarity for an entry found by meaning only, for this kind of query. */
    float floor(boolean keywords) {
      return keywords ? keywordFloor : meaningFloor;
    }

    Weights {
      if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) {
        throw new IllegalArgumentException("lexicalWeight must be in [0, 1]");
      }
      if (!(feedbackWeight >= 0) || feedbackAnswers < 1) {
        throw new IllegalArgumentException("feedbackWeight must be >= 0 and feedbackAnswers >= 1");
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
   * The query's vector moved toward {@code best} (the vectors of the first fused ranking's leading
   * answers), as unit vector: {@code query + weight * mean(best)}. Pseudo-relevance feedback in
   * meaning: a patient's question and a doctor's answer say the same thing in other words, and the
   * answers both rankings put first say it in the answers' words, so the moved vector is nearer to
   * other answers on the same topic. Measured on MEDIQA (docs/search.md): helps with the two to
   * five best answers, hurts with ten.
   */
  static float[] feedback(float[] query, List<float[]> best, float weight) {
    float[] moved = query.clone();
    if (best.isEmpty() || weight == 0) {
      return moved;
    }
    float share = weight / best.size();
    for (float[] v : best) {
      if (v.length != moved.length) {
        throw new IllegalArgumentException("vectors of " + v.length + " and " + moved.length);
      }
      for (int d = 0; d < moved.length; d++) {
        moved[d] += share * v[d];
      }
    }
    return Embedder.normalized(moved);
  }

  /**
   * The candidates fused again with each one's nearness read from {@code movedCosine} (its cosine
   * to the {@link #feedback moved} vector; a candidate without one counts as no nearness), in fused
   * order; each keeps its cosine to the query itself, which is what the hit reports and what
   * decided whether it was admitted.
   */
  static List<Candidate> refuse(
      List<Candidate> candidates, Map<Integer, Float> movedCosine, Weights weights) {
    Map<Integer, Candidate> original = new HashMap<>();
    List<Candidate> moved = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      original.put(c.doc(), c);
      moved.add(
          new Candidate(
              c.doc(), c.lexical(), c.words(), movedCosine.getOrDefault(c.doc(), Float.NaN), 0));
    }
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : fuse(moved, weights)) {
      Candidate o = original.get(c.doc());
      out.add(new Candidate(c.doc(), c.lexical(), c.words(), o.cosine(), c.fused()));
    }
    return out;
  }

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

package org.qarchive.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qarchive.index.Fields;

/**
 * The ranking knobs, tuned on the MEDIQA dev set by grid search (see docs/search.md, "Measured"
 * section); {@link #DEFAULT} holds the chosen values, the others exist so {@code qarchive eval} can
 * repeat the search.
 *
 * @param title weight of a title match
 * @param question weight of a question match
 * @param answer weight of an answer match
 * @param tie how much the other fields add to the best field's score for one word (dis-max tie
 *     breaker)
 * @param synonymBoost weight of a word that only a synonym brought in, relative to the typed word
 *     (0..1]
 * @param proximityBoost weight of the "typed words near each other" clause
 * @param slop how far apart (in positions) the words may be for the proximity clause
 * @param phraseBoost weight of a quoted phrase relative to a word
 * @param allWordsUpTo a query with at most this many words must match all of them; a longer one any
 *     uncommon one
 * @param mostWords share of the words that must match when a query that found nothing is relaxed
 * @param commonWordRatio in a long query, a word found in more than this share of entries need not
 *     match
 */
public record Ranking(
    float title,
    float question,
    float answer,
    float tie,
    float synonymBoost,
    float proximityBoost,
    int slop,
    float phraseBoost,
    int allWordsUpTo,
    float mostWords,
    float commonWordRatio) {

  /** The tuned values. */
  public static final Ranking DEFAULT =
      new Ranking(2.0f, 1.5f, 1.0f, 0.6f, 0.6f, 2.0f, 8, 1.5f, 2, 0.5f, 0.5f);

  public Ranking {
    if (!(synonymBoost > 0 && synonymBoost <= 1)) {
      throw new IllegalArgumentException("synonymBoost must be in (0, 1]");
    }
    if (!(mostWords > 0 && mostWords <= 1)) {
      throw new IllegalArgumentException("mostWords must be in (0, 1]");
    }
    if (title < 0
        || question < 0
        || answer < 0
        || tie < 0
        || proximityBoost < 0
        || slop < 0
        || phraseBoost <= 0) {
      throw new IllegalArgumentException("weights must not be negative");
    }
  }

  /** The text fields searched, with their weights; fields weighted 0 are left out. */
  public Map<String, Float> fieldWeights() {
    Map<String, Float> m = new LinkedHashMap<>();
    if (title > 0) {
      m.put(Fields.TITLE, title);
    }
    if (question > 0) {
      m.put(Fields.QUESTION, question);
    }
    if (answer > 0) {
      m.put(Fields.ANSWER, answer);
    }
    return m;
  }
}

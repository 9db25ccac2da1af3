package org.qarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Tells close matches from loose ones ({@link MatchQuality}), from a {@link QueryPlan} and the
 * entries found: an entry matches closely when it covers, itself or through a synonym, all the
 * question's content words, or all but one in three of them for a longer question. Content words
 * are the plan's units that are neither stop-like ({@link QueryPlan.Unit#weak()}) nor common in the
 * archive ({@link QueryPlan.Unit#common()}). A query of phrases or alternatives only has no words
 * to count, and all its matches are close.
 *
 * <p>Closeness labels; it does not rank. Lifting every close answer above every loose one was
 * measured on the MEDIQA dev set (nDCG@10 0.6927 against 0.7610), and so was a small bonus for a
 * close match (+1: 0.7623), which doubled the median search time for a gain within noise: coverage
 * of the words is a sign of a good answer, not a better ranking than the words' weights. The page
 * shows each page's close answers first. Coverage is one signal; another (a "match by meaning" from
 * embeddings) can judge an entry close too through {@link #judge(int, int)}.
 */
final class Closeness {

  /**
   * Most concepts a long question is judged by: its rarest ones, which say what it is about (a
   * pasted paragraph has dozens of words, and each judged concept costs a look-up per hit).
   */
  static final int MAX_JUDGED = 8;

  private Closeness() {}

  /** How many of {@code contentWords} an entry must cover to match closely. */
  static int needed(int contentWords) {
    return contentWords - contentWords / 3;
  }

  /** Whether covering {@code covered} of {@code contentWords} is a close match. */
  static MatchQuality judge(int covered, int contentWords) {
    return contentWords == 0 || covered >= needed(contentWords)
        ? MatchQuality.CLOSE
        : MatchQuality.LOOSE;
  }

  /**
   * The content concepts of {@code plan}, each as its units: the typed words that are not
   * stop-like, the words a multi-word synonym covers counting as one concept. A word no entry holds
   * counts too: when the archive lacks the topic, no answer matches closely.
   */
  static List<List<QueryPlan.Unit>> content(QueryPlan plan) {
    Map<Integer, List<QueryPlan.Unit>> concepts = new LinkedHashMap<>();
    for (QueryPlan.Unit u : plan.units()) {
      if (!u.weak()) {
        concepts.computeIfAbsent(u.concept(), c -> new ArrayList<>()).add(u);
      }
    }
    List<List<QueryPlan.Unit>> out = new ArrayList<>(concepts.values());
    if (out.size() > MAX_JUDGED) {
      // the rarest first; a word no entry holds (share 0) is as telling as the rarest
      out.sort(
          Comparator.comparingDouble(
              c -> c.stream().mapToDouble(QueryPlan.Unit::share).max().orElse(0)));
      out = out.subList(0, MAX_JUDGED);
    }
    return List.copyOf(out);
  }

  /**
   * A concept's query: its one unit, or all the typed words of a multi-word synonym (anywhere) or
   * its other side.
   */
  private static Query conceptQuery(List<QueryPlan.Unit> concept) {
    if (concept.size() == 1) {
      return concept.get(0).query();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    int n = 0;
    for (QueryPlan.Unit u : concept) {
      if (u.alternative()) {
        either.add(u.query(), Occur.SHOULD);
      } else {
        words.add(u.query(), Occur.MUST);
        n++;
      }
    }
    if (n > 0) {
      either.add(words.build(), Occur.SHOULD);
    }
    return either.build();
  }

  /** The query that matches the entries that cover enough content words; null when none count. */
  static Query closeQuery(QueryPlan plan) {
    List<List<QueryPlan.Unit>> content = content(plan);
    if (content.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder close = new BooleanQuery.Builder();
    content.forEach(c -> close.add(conceptQuery(c), Occur.SHOULD));
    close.setMinimumNumberShouldMatch(needed(content.size()));
    return close.build();
  }

  /** Whether any entry matches {@code query}: stops at the first one. */
  static boolean any(IndexSearcher searcher, Query query) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
      DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (twoPhase == null || twoPhase.matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The quality of each of {@code docs} (index-wide doc ids, in any order), judged by how many of
   * the plan's content words each covers.
   */
  static MatchQuality[] judge(IndexSearcher searcher, QueryPlan plan, int[] docs)
      throws IOException {
    MatchQuality[] out = new MatchQuality[docs.length];
    List<List<QueryPlan.Unit>> content = content(plan);
    if (content.isEmpty()) {
      Arrays.fill(out, MatchQuality.CLOSE);
      return out;
    }
    int[] covered = new int[docs.length];
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (List<QueryPlan.Unit> concept : content) {
      Weight w =
          searcher.createWeight(
              searcher.rewrite(conceptQuery(concept)), ScoreMode.COMPLETE_NO_SCORES, 1f);
      LeafReaderContext leaf = null;
      DocIdSetIterator approximation = null;
      TwoPhaseIterator twoPhase = null;
      for (Integer i : order) {
        int doc = docs[i];
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          Scorer scorer = w.scorer(leaf);
          twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
          approximation =
              scorer == null
                  ? null
                  : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        }
        if (approximation == null) {
          continue;
        }
        int target = doc - leaf.docBase;
        int at =
            approximation.docID() < target ? approximation.advance(target) : approximation.docID();
        if (at == target && (twoPhase == null || twoPhase.matches())) {
          covered[i]++;
        }
      }
    }
    for (int i = 0; i < docs.length; i++) {
      out[i] = judge(covered[i], content.size());
    }
    return out;
  }

  /**
   * The quality of an entry found by meaning only, whose words were judged {@code byWords}: the
   * same coverage of the question's content words decides (being near in meaning does not make an
   * answer close), and when the question has no content words to count, nothing vouches for it and
   * it is loose. Such an entry holds none of the words searched, so it is loose in practice; it
   * could be close only when it covers enough content words (through synonyms, or those the
   * loosening dropped).
   */
  static MatchQuality byMeaning(MatchQuality byWords, QueryPlan plan) {
    return content(plan).isEmpty() ? MatchQuality.LOOSE : byWords;
  }
}

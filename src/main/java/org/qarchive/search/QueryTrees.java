package org.qarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;

/**
 * Rewrites the leaves of the query trees the parser builds (boolean, dis-max and boost queries over
 * leaves).
 */
final class QueryTrees {

  private QueryTrees() {}

  /**
   * {@code q} with each leaf replaced by {@code leaf}'s answer for it; a null answer drops the
   * leaf, and a boost, dis-max or boolean query left without a leaf (a boolean one without a
   * positive clause) is dropped in turn, so the answer may be null.
   */
  static Query mapLeaves(Query q, UnaryOperator<Query> leaf) {
    if (q instanceof BoostQuery b) {
      Query inner = mapLeaves(b.getQuery(), leaf);
      return inner == null ? null : new BoostQuery(inner, b.getBoost());
    }
    if (q instanceof DisjunctionMaxQuery d) {
      List<Query> kept = new ArrayList<>();
      for (Query part : d.getDisjuncts()) {
        Query k = mapLeaves(part, leaf);
        if (k != null) {
          kept.add(k);
        }
      }
      return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier());
    }
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean positive = false;
      for (BooleanClause c : bq.clauses()) {
        Query k = mapLeaves(c.query(), leaf);
        if (k != null) {
          b.add(k, c.occur());
          positive |= c.occur() != Occur.MUST_NOT;
        }
      }
      return positive ? b.build() : null;
    }
    return leaf.apply(q);
  }
}

package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class QueryTreesTest {

  private static final Query BOTOX = new TermQuery(new Term("answer", "botox"));
  private static final Query PHRASE = new PhraseQuery("answer", "tummy", "tuck");

  @Test
  void dropsTheLeavesMappedToNullAndKeepsTheShapeAroundTheRest() {
    Query tree =
        new BooleanQuery.Builder()
            .add(
                new DisjunctionMaxQuery(
                    List.of(new BoostQuery(BOTOX, 2), new BoostQuery(PHRASE, 1.5f)), 0.6f),
                Occur.SHOULD)
            .add(PHRASE, Occur.SHOULD)
            .build();
    Query mapped = QueryTrees.mapLeaves(tree, q -> q instanceof PhraseQuery ? null : q);
    Query expected =
        new BooleanQuery.Builder()
            .add(new DisjunctionMaxQuery(List.of(new BoostQuery(BOTOX, 2)), 0.6f), Occur.SHOULD)
            .build();
    assertEquals(expected, mapped);
  }

  @Test
  void aTreeLeftWithoutAPositiveClauseIsDropped() {
    Query tree =
        new BooleanQuery.Builder().add(PHRASE, Occur.SHOULD).add(BOTOX, Occur.MUST_NOT).build();
    assertNull(QueryTrees.mapLeaves(tree, q -> q instanceof PhraseQuery ? null : q));
    assertNull(QueryTrees.mapLeaves(new BoostQuery(PHRASE, 2), q -> null));
  }

  @Test
  void replacesLeavesWhereverTheyStand() {
    Query replaced = new TermQuery(new Term("answer", "dysport"));
    Query mapped =
        QueryTrees.mapLeaves(new BoostQuery(BOTOX, 3), q -> q.equals(BOTOX) ? replaced : q);
    assertEquals(new BoostQuery(replaced, 3), mapped);
  }
}

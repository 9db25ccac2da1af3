package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qarchive.embedding.Embedder;

class FusionTest {

  @Test
  void theMovedVectorIsOfUnitLengthAndNearerToTheBestAnswers() {
    float[] query = {1, 0, 0};
    float[] best = {0, 1, 0};
    float[] moved = Fusion.feedback(query, List.of(best), 0.3f);
    assertEquals(1f, Embedder.similarity(moved, moved), 1e-5f);
    assertTrue(
        Embedder.similarity(moved, best) > Embedder.similarity(query, best),
        "moved toward the answer");
    assertTrue(
        Embedder.similarity(moved, query) > Embedder.similarity(moved, best),
        "still mostly the question");
  }

  @Test
  void withoutWeightOrAnswersTheQueryIsNotMoved() {
    float[] query = {0.6f, 0.8f, 0};
    assertArrayEquals(query, Fusion.feedback(query, List.of(new float[] {0, 0, 1}), 0f));
    assertArrayEquals(query, Fusion.feedback(query, List.of(), 0.3f));
  }

  @Test
  void theMeanOfSeveralAnswersMovesItWhateverTheirNumber() {
    float[] query = {1, 0, 0};
    float[] a = {0, 1, 0};
    float[] moved = Fusion.feedback(query, List.of(a, a, a), 0.3f);
    assertArrayEquals(Fusion.feedback(query, List.of(a), 0.3f), moved, 1e-6f);
  }

  @Test
  void fusingAgainRanksByTheMovedNearnessButKeepsEachCosineToTheQuery() {
    Fusion.Weights w = Fusion.Weights.DEFAULT;
    List<Fusion.Candidate> candidates =
        List.of(
            new Fusion.Candidate(1, 10f, true, 0.60f, 0),
            new Fusion.Candidate(2, 10f, true, 0.55f, 0));
    assertEquals(1, Fusion.fuse(candidates, w).get(0).doc());
    List<Fusion.Candidate> again = Fusion.refuse(candidates, Map.of(1, 0.50f, 2, 0.70f), w);
    assertEquals(2, again.get(0).doc(), "the answer nearer to the moved vector comes first");
    assertEquals(0.55f, again.get(0).cosine(), "its cosine to the query itself is kept");
    assertEquals(0.60f, again.get(1).cosine());
    assertTrue(again.get(0).fused() > again.get(1).fused());
  }

  @Test
  void aCandidateWithoutAMovedNearnessCountsByItsWordsOnly() {
    Fusion.Weights w = Fusion.Weights.DEFAULT;
    List<Fusion.Candidate> candidates =
        List.of(
            new Fusion.Candidate(1, 10f, true, 0.9f, 0),
            new Fusion.Candidate(2, 5f, true, 0.1f, 0));
    List<Fusion.Candidate> again = Fusion.refuse(candidates, Map.of(2, 0.1f), w);
    assertEquals(w.lexicalWeight(), again.get(0).fused(), 1e-6f);
  }

  @Test
  void feedbackSettingsOutOfRangeAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new Fusion.Weights(0.3f, 0.4f, 0.5f, -1f, 2));
    assertThrows(
        IllegalArgumentException.class, () -> new Fusion.Weights(0.3f, 0.4f, 0.5f, 0.3f, 0));
  }
}

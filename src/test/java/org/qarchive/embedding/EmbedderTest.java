package org.qarchive.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model, run for real: nearness in meaning where the words differ. */
class EmbedderTest {

  static Embedder embedder;

  @BeforeAll
  static void load() throws Exception {
    embedder = Embedder.load();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void vectorsHaveUnitLength() {
    float[] v = embedder.embed("My eyelid droops after the shots");
    assertEquals(384, v.length);
    assertEquals(1.0, Embedder.similarity(v, v), 1e-4);
  }

  @Test
  void theMeanOfTwoVectorsHasUnitLengthAndIsEquallyNearToBoth() {
    float[] a = embedder.embed("Heavy upper eye following Dysport");
    float[] b = embedder.embed("Swelling after a tummy tuck settles within weeks.");
    float[] mean = Embedder.mean(a, b);
    assertEquals(1.0, Embedder.similarity(mean, mean), 1e-4);
    assertEquals(Embedder.similarity(mean, a), Embedder.similarity(mean, b), 1e-4);
    assertTrue(Embedder.similarity(mean, a) > Embedder.similarity(a, b));
    assertThrows(IllegalArgumentException.class, () -> Embedder.mean(a, new float[3]));
  }

  @Test
  void aLayQuestionIsNearerToItsClinicalAnswerThanToAnotherTopic() {
    float[] question = embedder.embedQuery("my eyelid droops after the botox shots");
    float[] answer =
        embedder.embed("Ptosis after botulinum toxin injection usually resolves in a few weeks.");
    float[] other = embedder.embed("Knee replacement recovery takes about six weeks of therapy.");
    assertTrue(
        Embedder.similarity(question, answer) > Embedder.similarity(question, other) + 0.1,
        Embedder.similarity(question, answer) + " vs " + Embedder.similarity(question, other));
  }

  @Test
  void aBatchGivesTheSameVectorsAsOneAtATime() {
    List<String> texts =
        List.of(
            "tummy tuck scar", "a much longer sentence about breast augmentation recovery", "x");
    List<float[]> batch = embedder.embed(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(1.0, Embedder.similarity(batch.get(i), embedder.embed(texts.get(i))), 1e-5);
    }
  }

  @Test
  void embeddingOnSeveralThreadsGivesTheSameVectorsInOrder() {
    List<String> texts =
        List.of(
            "tummy tuck scar",
            "breast augmentation recovery",
            "droopy eyelid after botox",
            "rhinoplasty swelling",
            "x");
    List<float[]> alone = embedder.embed(texts);
    for (int threads : new int[] {1, 2, 3, 8}) {
      List<float[]> shared = embedder.embed(texts, threads);
      assertEquals(texts.size(), shared.size());
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(
            1.0, Embedder.similarity(alone.get(i), shared.get(i)), 1e-5, threads + ": " + i);
      }
    }
  }
}

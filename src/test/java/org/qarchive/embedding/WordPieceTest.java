package org.qarchive.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BERT's uncased WordPiece, as the shipped model's tokenizer.json defines it. */
class WordPieceTest {

  static WordPiece tokenizer;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = WordPiece.class.getResourceAsStream(Embedder.MINILM.tokenizer())) {
      tokenizer = WordPiece.read(in);
    }
  }

  @Test
  void wordsGetTheirVocabularyIdsBetweenClsAndSep() {
    // BERT uncased: hello 7592, world 2088, [CLS] 101, [SEP] 102
    assertArrayEquals(new int[] {101, 7592, 2088, 102}, tokenizer.encode("hello world", 100));
    assertArrayEquals(
        new int[] {101, 7592, 1010, 2088, 102}, tokenizer.encode("Hello, WORLD", 100));
  }

  @Test
  void accentsAreStrippedAndPunctuationSplit() {
    assertEquals(List.of("cafe", "-", "au", "-", "lait", "!"), WordPiece.words("Café-au-lait!"));
    assertEquals(List.of("don", "'", "t"), WordPiece.words("Don't"));
  }

  @Test
  void aRareWordIsSplitIntoPiecesNotLost() {
    int[] ids = tokenizer.encode("blepharoplasty", 100);
    assertTrue(ids.length > 3, "split into several pieces");
    for (int id : ids) {
      assertTrue(id != 100, "no [UNK] for a word made of known pieces"); // 100 is [UNK]
    }
  }

  @Test
  void aLongTextIsCutAtAWholeWordWithinTheWindow() {
    int[] ids = tokenizer.encode("blepharoplasty ".repeat(200), 32);
    assertTrue(ids.length <= 32, "at most the window");
    assertEquals(101, ids[0]);
    assertEquals(102, ids[ids.length - 1]);
    int perWord = tokenizer.encode("blepharoplasty", 100).length - 2;
    assertEquals(0, (ids.length - 2) % perWord, "no word is cut in the middle");
  }
}

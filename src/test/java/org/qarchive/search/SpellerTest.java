package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpellerTest {

  @Test
  void boundedDistanceAgreesWithTheFullTableUpToItsBound() {
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      String a = word(random);
      String b = random.nextBoolean() ? word(random) : edit(random, a);
      int full = Speller.distance(a, b);
      for (int max = 0; max <= 3; max++) {
        assertEquals(
            Math.min(full, max + 1), Speller.distance(a, b, max), a + " / " + b + " max " + max);
      }
    }
  }

  @Test
  void lettersOneWordLacksNeverUnderstateTheDistance() {
    Random random = new Random(11);
    int pruned = 0;
    for (int n = 0; n < 20_000; n++) {
      String a = word(random, 12);
      String b = random.nextBoolean() ? word(random, 12) : edit(random, a);
      int la = Speller.letters(a);
      int lb = Speller.letters(b);
      int bound = Math.max(Integer.bitCount(la & ~lb), Integer.bitCount(lb & ~la));
      assertTrue(bound <= Speller.distance(a, b), a + " / " + b);
      pruned += bound > 2 ? 1 : 0;
    }
    assertTrue(pruned > 1000, "the bound should rule out many pairs: " + pruned);
  }

  @Test
  void aSwapOfNeighboursIsOneEdit() {
    assertEquals(1, Speller.distance("botxo", "botox", 1));
    assertEquals(2, Speller.distance("obtxo", "botox", 1));
  }

  private static String word(Random random) {
    return word(random, 4);
  }

  private static String word(Random random, int letters) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(10);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + random.nextInt(letters)));
    }
    return sb.toString();
  }

  private static String edit(Random random, String s) {
    StringBuilder sb = new StringBuilder(s);
    for (int e = random.nextInt(4); e > 0; e--) {
      int at = sb.isEmpty() ? 0 : random.nextInt(sb.length());
      switch (random.nextInt(4)) {
        case 0 -> sb.insert(at, (char) ('a' + random.nextInt(4)));
        case 1 -> {
          if (!sb.isEmpty()) {
            sb.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (!sb.isEmpty()) {
            sb.setCharAt(at, (char) ('a' + random.nextInt(4)));
          }
        }
        default -> {
          if (at + 1 < sb.length()) {
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(at + 1));
            sb.setCharAt(at + 1, c);
          }
        }
      }
    }
    return sb.toString();
  }
}

package org.qarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  private static Latencies of(long... samples) {
    Latencies l = new Latencies();
    for (long s : samples) {
      l.add(s);
    }
    return l;
  }

  @Test
  void percentilesAreNearestRankSamplesWhateverTheOrder() {
    Latencies l = new Latencies();
    for (int i = 100; i >= 1; i--) {
      l.add(i); // 1..100, added backwards
    }
    assertEquals(50, l.percentileNanos(50));
    assertEquals(95, l.percentileNanos(95));
    assertEquals(99, l.percentileNanos(99));
    assertEquals(100, l.percentileNanos(100));
    assertEquals(1, l.percentileNanos(0.5));
  }

  @Test
  void aSmallSampleRoundsTheRankUp() {
    Latencies l = of(10, 20, 30, 40);
    assertEquals(20, l.percentileNanos(50)); // rank ceil(2.0) = 2
    assertEquals(30, l.percentileNanos(51)); // rank ceil(2.04) = 3
    assertEquals(40, l.percentileNanos(76)); // rank ceil(3.04) = 4
  }

  @Test
  void oneSampleIsEveryPercentile() {
    Latencies l = of(7_000_000);
    assertEquals(7.0, l.percentileMs(1));
    assertEquals(7.0, l.percentileMs(99));
    assertEquals(7.0, l.meanMs());
  }

  @Test
  void mergingKeepsEverySampleOfEveryThread() {
    Latencies merged = Latencies.merge(List.of(of(1, 2, 3), of(), of(4, 5)));
    assertEquals(5, merged.count());
    assertEquals(3, merged.percentileNanos(50));
  }

  @Test
  void growsPastItsFirstArray() {
    Latencies l = new Latencies();
    for (int i = 0; i < 5000; i++) {
      l.add(i);
    }
    assertEquals(5000, l.count());
    assertEquals(4999, l.percentileNanos(100));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalStateException.class, () -> new Latencies().percentileNanos(50));
    assertThrows(IllegalArgumentException.class, () -> of(1).percentileNanos(0));
    assertThrows(IllegalArgumentException.class, () -> of(1).percentileNanos(101));
    assertThrows(IllegalArgumentException.class, () -> new Latencies().add(-1));
  }
}

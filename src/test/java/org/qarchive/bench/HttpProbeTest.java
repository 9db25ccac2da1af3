package org.qarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpProbeTest {

  @Test
  void readsTheDurationOfAServerTimingValue() {
    assertEquals(0.734, HttpProbe.serverMs("search;dur=0.734"), 1e-9);
    assertEquals(12.5, HttpProbe.serverMs("search; desc=\"x\"; dur=12.5"), 1e-9);
  }

  @Test
  void aServerTimingWithoutAUsableDurationIsNaN() {
    assertTrue(Double.isNaN(HttpProbe.serverMs("search")));
    assertTrue(Double.isNaN(HttpProbe.serverMs("search;dur=soon")));
  }
}

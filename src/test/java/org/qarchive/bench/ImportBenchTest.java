package org.qarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportBenchTest {

  @Test
  void theReportedRoundIsTheMedianOneWhateverTheOrder() {
    assertEquals(2, ImportBench.medianIndex(new double[] {0.61, 0.40, 0.52}));
    assertEquals(0, ImportBench.medianIndex(new double[] {0.5}));
    assertEquals(
        1,
        ImportBench.medianIndex(new double[] {0.7, 0.45, 0.3, 0.6}),
        "the lower middle of an even count");
  }
}

package org.qarchive.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency samples in nanoseconds and their percentiles by the nearest-rank method: the p-th
 * percentile is the smallest sample that at least p% of the samples do not exceed, so it is always
 * a real measurement.
 */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long sampleNanos) {
    if (sampleNanos < 0) {
      throw new IllegalArgumentException("a latency cannot be negative: " + sampleNanos);
    }
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = sampleNanos;
  }

  int count() {
    return size;
  }

  /** All samples of several recorders, e.g. one per client thread. */
  static Latencies merge(Collection<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies p : parts) {
      for (int i = 0; i < p.size; i++) {
        all.add(p.nanos[i]);
      }
    }
    return all;
  }

  /** The {@code p}-th percentile (0 < p <= 100) in nanoseconds, by nearest rank. */
  long percentileNanos(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    // multiplying first keeps whole-number percentiles exact (0.95 * 100 is not 95 in binary)
    int rank = (int) Math.ceil(p * size / 100.0); // 1-based
    return sorted[Math.max(1, rank) - 1];
  }

  /** The percentile in milliseconds. */
  double percentileMs(double p) {
    return percentileNanos(p) / 1e6;
  }

  double meanMs() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += nanos[i];
    }
    return sum / size / 1e6;
  }
}

package org.qarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an operation in a closed loop on N threads for a bounded time and records each call's
 * latency.
 */
final class TimedLoop {

  /**
   * One call; {@code thread} is 0..threads-1 and {@code i} counts that thread's calls. Returns
   * false on a bad answer.
   */
  interface Op {
    boolean call(int thread, long i) throws Exception;
  }

  /**
   * What a loop measured: latencies of every call, how many answered badly, and the wall-clock
   * seconds.
   */
  record Result(Latencies latencies, int errors, double seconds) {
    double perSecond() {
      return latencies.count() / seconds;
    }
  }

  private TimedLoop() {}

  static Result run(int threads, double seconds, Op op) throws Exception {
    return run(threads, seconds, 0, op);
  }

  /**
   * Like {@link #run(int, double, Op)}, but each thread makes at least {@code minCalls} calls even
   * past the time, so that a replayed list is covered whole (otherwise a slow machine would measure
   * only its first queries).
   */
  static Result run(int threads, double seconds, long minCalls, Op op) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Latencies> perThread = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Latencies lat = new Latencies();
      perThread.add(lat);
      int thread = t;
      Thread w =
          new Thread(
              () -> {
                try {
                  for (long i = 0; i < minCalls || System.nanoTime() < deadline; i++) {
                    long t0 = System.nanoTime();
                    boolean ok = op.call(thread, i);
                    lat.add(System.nanoTime() - t0);
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-client-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw failure.get();
    }
    return new Result(Latencies.merge(perThread), errors.get(), elapsed);
  }
}

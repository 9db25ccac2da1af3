package org.qarchive;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names every skipped test at the end of the run, one line per cause, so that a clone without
 * {@code ../shared} or without Chromium says plainly what it did not check (registered through
 * {@code META-INF/services}).
 */
public final class SkipSummary implements TestExecutionListener {

  private final Map<String, Set<String>> byCause = new TreeMap<>();

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    record(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private synchronized void record(TestIdentifier test, String reason) {
    String cause = reason == null ? "skipped" : reason.replaceFirst("^Assumption failed: ", "");
    if (cause.startsWith(SharedData.SKIP_PREFIX)) {
      cause = "need the large data sets in ../shared, absent here";
    } else if (cause.startsWith("browser tests need")) {
      cause = "need Chromium and ChromeDriver (apt-get install chromium chromium-driver)";
    }
    byCause.computeIfAbsent(cause, k -> new LinkedHashSet<>()).add(name(test));
  }

  private static String name(TestIdentifier test) {
    return test.getSource()
        .map(
            s ->
                s instanceof MethodSource m
                    ? simple(m.getClassName()) + "." + m.getMethodName()
                    : s instanceof ClassSource c ? simple(c.getClassName()) : test.getDisplayName())
        .orElse(test.getDisplayName());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    for (Map.Entry<String, Set<String>> e : byCause.entrySet()) {
      Set<String> tests = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "SKIPPED %d test%s that %s%s: %s%n",
          tests.size(),
          tests.size() == 1 ? "" : "s",
          e.getKey(),
          SharedData.inCi() ? "" : " (under CI=true they fail instead)",
          String.join(", ", tests));
    }
  }
}

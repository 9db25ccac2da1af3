package org.qarchive.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress for people: on a terminal a live line with files per second and an estimated time left,
 * otherwise a plain line every few seconds. Folders of pages are measured in files (counted up
 * front); zips and WARCs in bytes read against their size, since their page count is unknown until
 * they are read.
 */
final class ImportProgress {

  private final PrintStream out;
  private final ArchiveInputs.Plan plan;
  private final boolean live;
  private final long start = System.nanoTime();
  private long last = System.nanoTime();

  ImportProgress(PrintStream out, ArchiveInputs.Plan plan) {
    this(out, plan, System.console() != null);
  }

  ImportProgress(PrintStream out, ArchiveInputs.Plan plan, boolean live) {
    this.out = out;
    this.plan = plan;
    this.live = live;
  }

  void tick(long files, long bytesRead) {
    long now = System.nanoTime();
    if (now - last < (live ? 200_000_000L : 5_000_000_000L)) {
      return;
    }
    last = now;
    String line = line(files, bytesRead, Duration.ofNanos(now - start));
    if (live) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  void finish(long files) {
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "%s%d files in %.1f s%n", live ? "\r" : "", files, secs);
    out.flush();
  }

  /** "1200/5000 files, 240 files/s, 24%, about 16 s left". */
  String line(long files, long bytesRead, Duration elapsed) {
    double secs = Math.max(1e-3, elapsed.toNanos() / 1e9);
    double done =
        plan.archives()
            ? (plan.bytes() == 0 ? 0 : bytesRead / (double) plan.bytes())
            : (plan.files() == 0 ? 0 : files / (double) plan.files());
    done = Math.min(1, done);
    String count = plan.archives() ? files + " files" : files + "/" + plan.files() + " files";
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "%s, %.0f files/s, %.0f%%", count, files / secs, done * 100));
    if (done > 0.005 && done < 1) {
      sb.append(", about ").append(human(Math.round(secs * (1 - done) / done))).append(" left");
    }
    return sb.toString();
  }

  private static String human(long s) {
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}

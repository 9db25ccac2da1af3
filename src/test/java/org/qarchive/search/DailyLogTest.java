package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs start a new file each day and delete the days past those to keep, with or without writes.
 */
class DailyLogTest {

  @TempDir Path dir;

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void days(int n) {
      now = now.plus(Duration.ofDays(n));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("logs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void eachDayGetsItsOwnFileAndDaysPastTheLimitAreDeleted() throws Exception {
    TestClock clock = new TestClock();
    Path file = dir.resolve("logs/searches.tsv");
    try (DailyLog log = new DailyLog(file, 3, clock)) {
      log.append("day one");
      clock.days(1);
      log.append("day two");
      clock.days(1);
      log.append("day three");
      assertEquals(
          List.of("searches.2026-03-01.tsv", "searches.2026-03-02.tsv", "searches.tsv"), names());
      assertEquals("day one\n", Files.readString(dir.resolve("logs/searches.2026-03-01.tsv")));
      assertEquals("day three\n", Files.readString(file));

      clock.days(1);
      log.append("day four");
      assertEquals(
          List.of("searches.2026-03-02.tsv", "searches.2026-03-03.tsv", "searches.tsv"),
          names(),
          "three days kept: the first is gone");

      clock.days(2);
      log.maintain(); // a server calls this hourly: quiet days do not keep old files
      assertEquals(List.of("searches.2026-03-04.tsv"), names());
      clock.days(3);
      log.maintain();
      assertEquals(List.of(), names());
    }
  }

  @Test
  void aLogOpenedOnALaterDayFilesTheOldDayFirst() throws Exception {
    TestClock clock = new TestClock();
    Path file = dir.resolve("logs/access.log");
    try (DailyLog log = new DailyLog(file, 90, clock)) {
      log.append("before the restart");
    }
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-03-01T23:00:00Z")));
    clock.days(2);
    try (DailyLog log = new DailyLog(file, 90, clock)) {
      log.append("after");
    }
    assertEquals(List.of("access.2026-03-01.log", "access.log"), names());
    assertEquals(List.of(dir.resolve("logs/access.2026-03-01.log"), file), DailyLog.files(file));
    assertEquals("after\n", Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void theSearchLogCountsEveryKeptDayAndForgetsTheRest() throws Exception {
    TestClock clock = new TestClock();
    Path file = dir.resolve("logs/searches.tsv");
    try (SearchLog log = new SearchLog(file, 2, clock)) {
      log.record("tummy tuck", 4);
      clock.days(1);
      log.record("tummy tuck", 4);
      log.record("botox", 2);
    }
    Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    try (SearchLog read = SearchLog.reader(file)) {
      assertEquals(2, read.topQueries(1).get(0).count(), "both days' files are read");
      assertThrows(IllegalStateException.class, () -> read.record("x", 1));
    }
    clock.days(1);
    try (SearchLog log = new SearchLog(file, 2, clock)) {
      // the first day is past the two days kept
      assertEquals(1, log.topQueries(5).stream().filter(c -> c.query().equals("botox")).count());
      assertEquals(
          1,
          log.topQueries(5).stream()
              .filter(c -> c.query().equals("tummy tuck"))
              .findFirst()
              .orElseThrow()
              .count());
    }
    assertFalse(names().contains("searches.2026-03-01.tsv"), names().toString());
    assertTrue(names().contains("searches.2026-03-02.tsv"), names().toString());
  }

  @Test
  void keepingFewerThanOneDayIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DailyLog(dir.resolve("x.log"), 0, new TestClock()));
  }
}

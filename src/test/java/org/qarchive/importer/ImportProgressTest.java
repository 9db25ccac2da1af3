package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

  private static ImportProgress progress(ArchiveInputs.Plan plan) {
    return new ImportProgress(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), plan, false);
  }

  @Test
  void foldersOfPagesAreMeasuredInFilesCountedUpFront() {
    ImportProgress p = progress(new ArchiveInputs.Plan(5000, 50_000_000, false));
    assertEquals(
        "1000/5000 files, 100 files/s, 20%, about 40 s left",
        p.line(1000, 0, Duration.ofSeconds(10)));
  }

  @Test
  void archivesAreMeasuredInBytesReadAgainstTheirSize() {
    ImportProgress p = progress(new ArchiveInputs.Plan(1, 10_000_000_000L, true));
    assertEquals(
        "30000 files, 500 files/s, 25%, about 3 min 00 s left",
        p.line(30_000, 2_500_000_000L, Duration.ofMinutes(1)));
  }

  @Test
  void noEstimateBeforeThereIsAnythingToGoOn() {
    ImportProgress p = progress(new ArchiveInputs.Plan(0, 0, false));
    assertEquals("0/0 files, 0 files/s, 0%", p.line(0, 0, Duration.ofSeconds(1)));
  }
}
